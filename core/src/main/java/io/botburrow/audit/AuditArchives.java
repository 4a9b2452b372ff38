package io.botburrow.audit;

/** Opens the audit archive of a part of the bucket (one tenant's). */
@FunctionalInterface
public interface AuditArchives {
  /** The archive under {@code keyPrefix} (empty, or ending with /). Does not block. */
  AuditArchive under(String keyPrefix);
}
