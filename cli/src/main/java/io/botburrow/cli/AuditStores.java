package io.botburrow.cli;

import io.botburrow.agents.s3.S3ClientFactory;
import io.botburrow.agents.s3.S3Properties;
import io.botburrow.audit.AuditArchive;
import io.botburrow.audit.AuditLog;
import io.botburrow.audit.AuditProperties;
import io.botburrow.audit.redis.RedisAuditLog;
import io.botburrow.audit.s3.S3AuditArchive;
import io.botburrow.redis.RedisProperties;
import io.botburrow.redis.RedisSentinelProperties;
import io.botburrow.redis.RedissonFactory;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.redisson.api.RedissonClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The audit log and archive as the coordinator's configuration names them (its config file, then
 * environment variables, then {@code -D} options), for the commands that read the trail. Builds no service.
 */
final class AuditStores implements AutoCloseable {
  final AuditProperties properties;
  final RedisProperties redisProperties;
  final RedisSentinelProperties sentinelProperties;
  final S3Properties s3Properties;
  private final ApplicationContext ctx;
  private RedissonClient redis;
  private S3Client s3;
  private io.botburrow.tenants.Tenant tenant;

  private AuditStores(ApplicationContext ctx) {
    this.ctx = ctx;
    this.properties = ctx.getBean(AuditProperties.class);
    this.redisProperties = ctx.getBean(RedisProperties.class);
    this.sentinelProperties = ctx.getBean(RedisSentinelProperties.class);
    this.s3Properties = ctx.findBean(S3Properties.class).orElse(null);
  }

  /** Reads the configuration; no connection is made yet. */
  static AuditStores open(Map<String, Object> fileProperties, Map<String, Object> overrides) {
    // an environment of its own: none of the services' beans is built
    return new AuditStores(Services.builder("audit-cli", fileProperties, overrides).start());
  }

  /**
   * Reads the trail of {@code name}'s agents ({@code botburrow.tenants.<name>}): its Redis keys and part of the bucket.
   *
   * @throws io.botburrow.tenants.UnknownTenantException when no such tenant is configured
   */
  AuditStores tenant(String name) {
    this.tenant = ctx.getBean(io.botburrow.tenants.Tenants.class).get(name);
    return this;
  }

  private String bucketPrefix() {
    return tenant == null ? "" : tenant.bucketPrefix();
  }

  AuditLog log() {
    if (redis == null) {
      try {
        redis = RedissonFactory.createClient(
            redisProperties, sentinelProperties, ctx.getBean(io.botburrow.redis.RedisClusterProperties.class));
      } catch (io.botburrow.queue.QueueUnavailableException e) {
        throw new io.botburrow.audit.AuditUnavailableException(e.getMessage(), e);
      }
    }
    String prefix = tenant == null ? redisProperties.keyPrefix() : tenant.redisPrefix(redisProperties.keyPrefix());
    return new RedisAuditLog(redis, prefix, properties.streamMaxLength(), properties.retention());
  }

  /** The bucket archive, or null when no bucket is configured. */
  AuditArchive archive() {
    if (s3Properties == null) {
      return null;
    }
    if (s3 == null) {
      s3 = S3ClientFactory.createClient(s3Properties);
    }
    return new S3AuditArchive(s3, s3Properties.bucket(), bucketPrefix());
  }

  /** The agent definitions in the bucket, or null when no bucket is configured. */
  io.botburrow.agents.AgentDefinitionStore definitions() {
    if (archive() == null) {
      return null;
    }
    return new io.botburrow.agents.s3.S3AgentDefinitionStore(s3, s3Properties.bucket(), bucketPrefix(),
        java.time.Clock.systemUTC());
  }

  /** The Hub the coordinator talks to, with its key. */
  io.botburrow.hub.HubClient hub(com.fasterxml.jackson.databind.ObjectMapper json) {
    return new io.botburrow.hub.http.HttpHubClient(
        tenant == null ? ctx.getBean(io.botburrow.hub.http.HubClientProperties.class) : tenant.hub(), json);
  }

  /** {@code redis://host:port} and {@code s3://bucket} for messages, without credentials. */
  String describe() {
    return redisProperties.url().replaceAll("//[^@/]*@", "//") + " and "
        + (s3Properties == null ? "no bucket" : "s3://" + s3Properties.bucket());
  }

  @Override
  public void close() {
    if (redis != null) {
      redis.shutdown();
    }
    if (s3 != null) {
      s3.close();
    }
    ctx.close();
  }
}
