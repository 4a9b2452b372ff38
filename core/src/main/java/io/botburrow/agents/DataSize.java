package io.botburrow.agents;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Docker-style byte sizes: {@code 512m}, {@code 1g}, {@code 64MiB}, {@code 1024k}, {@code 100b}, {@code 4096}. */
public final class DataSize {
  private static final Pattern SIZE = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*([bkmgt]?)(?:i?b)?$");
  private static final long KIB = 1024;

  private DataSize() {}

  /**
   * Parses a size; units are binary (k = 1024) as in {@code docker run --memory}. A bare number is
   * bytes.
   *
   * @throws IllegalArgumentException when the text is not a size
   */
  public static long parseBytes(String text) {
    Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a size like 512m, 1g or 65536");
    }
    double number = Double.parseDouble(m.group(1));
    long unit =
        switch (m.group(2)) {
          case "k" -> KIB;
          case "m" -> KIB * KIB;
          case "g" -> KIB * KIB * KIB;
          case "t" -> KIB * KIB * KIB * KIB;
          default -> 1;
        };
    return Math.round(number * unit);
  }

  /** The shortest exact docker-style form, e.g. {@code 512m}. */
  public static String format(long bytes) {
    String[] units = {"t", "g", "m", "k"};
    long[] sizes = {KIB * KIB * KIB * KIB, KIB * KIB * KIB, KIB * KIB, KIB};
    for (int i = 0; i < units.length; i++) {
      if (bytes != 0 && bytes % sizes[i] == 0) {
        return bytes / sizes[i] + units[i];
      }
    }
    return Long.toString(bytes);
  }
}
