package io.botburrow.audit.s3;

import io.botburrow.agents.s3.S3Properties;
import io.botburrow.audit.AuditArchive;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;

/** The audit archive in the agent-definitions bucket, under {@code audit/}. */
@Factory
@Requires(property = "botburrow.s3.bucket")
@Requires(property = "botburrow.audit.archive", notEquals = "false")
public class AuditArchiveFactory {
  @Singleton
  AuditArchive auditArchive(@Named("agents") S3Client s3, S3Properties properties) {
    return new S3AuditArchive(s3, properties.bucket());
  }

  /** Each tenant's archive, under its bucket prefix. */
  @Singleton
  io.botburrow.audit.AuditArchives auditArchives(@Named("agents") S3Client s3, S3Properties properties) {
    return prefix -> new S3AuditArchive(s3, properties.bucket(), prefix);
  }
}
