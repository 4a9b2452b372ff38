package io.botburrow.audit;

/**
 * How an entry is written as one self-contained JSON line in the archive: the record with its hash as the
 * last field, {@code {...,"prev":"…","hash":"…"}}. The hashed line is the same text without that field, so
 * it is recovered byte for byte.
 */
public final class AuditLines {
  private static final String FIELD = ",\"hash\":\"";
  private static final int SUFFIX = FIELD.length() + 64 + 2;

  private AuditLines() {}

  public static String write(AuditEntry entry) {
    String line = entry.line();
    return line.substring(0, line.length() - 1) + FIELD + entry.hash() + "\"}";
  }

  /** The entry of an archive line; a line without a trailing hash field gets an empty hash (and fails verification). */
  public static AuditEntry read(String archived) {
    String line = archived.strip();
    if (line.length() > SUFFIX && line.endsWith("\"}") && line.startsWith(FIELD, line.length() - SUFFIX)) {
      String hash = line.substring(line.length() - SUFFIX + FIELD.length(), line.length() - 2);
      return new AuditEntry(line.substring(0, line.length() - SUFFIX) + "}", hash);
    }
    return new AuditEntry(line, "");
  }
}
