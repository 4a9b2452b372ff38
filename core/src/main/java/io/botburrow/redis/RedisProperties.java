package io.botburrow.redis;

import io.botburrow.queue.CircuitPolicy;
import io.botburrow.queue.QueueSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Objects;

/**
 * Redis connection and activation-queue settings ({@code botburrow.redis.*}).
 *
 * @param url {@code redis://host:port} (or {@code rediss://} for TLS)
 * @param password optional password (never logged)
 * @param connectTimeout time to establish a connection
 * @param timeout time to wait for a reply once a command was sent
 * @param retryAttempts resends of a command that could not be sent
 * @param retryInterval pause between resends
 * @param connectionPoolSize connections per client
 * @param nettyThreads I/O threads of the client
 * @param keyPrefix prefix of every key
 * @param leaseDuration how long a claim holds without a heartbeat
 * @param maxAttempts deliveries before an activation is dead-lettered
 * @param circuitBackoff how long an agent's circuit first opens
 * @param circuitMaxBackoff upper bound of the doubling circuit backoff
 * @param circuitThreshold consecutive failures that open the circuit
 * @param claimPollInterval longest a waiting claim goes without re-checking the queue
 * @param promoteAfter waiting work climbs one priority rank per this much waiting (0: never)
 */
@ConfigurationProperties("botburrow.redis")
public record RedisProperties(
    @Bindable(defaultValue = DEFAULT_URL) String url,
    @Nullable String password,
    @Bindable(defaultValue = "5s") Duration connectTimeout,
    @Bindable(defaultValue = "3s") Duration timeout,
    @Bindable(defaultValue = "2") int retryAttempts,
    @Bindable(defaultValue = "500ms") Duration retryInterval,
    @Bindable(defaultValue = "32") int connectionPoolSize,
    @Bindable(defaultValue = "8") int nettyThreads,
    @Bindable(defaultValue = DEFAULT_KEY_PREFIX) String keyPrefix,
    @Bindable(defaultValue = "60s") Duration leaseDuration,
    @Bindable(defaultValue = "3") int maxAttempts,
    @Bindable(defaultValue = "60s") Duration circuitBackoff,
    @Bindable(defaultValue = "1h") Duration circuitMaxBackoff,
    @Bindable(defaultValue = "1") int circuitThreshold,
    @Bindable(defaultValue = "250ms") Duration claimPollInterval,
    @Bindable(defaultValue = "60s") Duration promoteAfter) {

  public static final String DEFAULT_URL = "redis://127.0.0.1:6379";
  public static final String DEFAULT_KEY_PREFIX = "botburrow:";

  public RedisProperties {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
      throw new IllegalArgumentException("botburrow.redis.url must start with redis:// or rediss://: " + url);
    }
    if (retryAttempts < 0 || connectionPoolSize < 1 || nettyThreads < 1) {
      throw new IllegalArgumentException("retry attempts, pool size and netty threads must be positive");
    }
    // validates lease, attempts and circuit settings
    new QueueSettings(
        leaseDuration,
        maxAttempts,
        new CircuitPolicy(circuitBackoff, circuitMaxBackoff, circuitThreshold),
        claimPollInterval,
        promoteAfter);
  }

  /** Defaults for use without Micronaut. */
  public static RedisProperties defaults() {
    return forUrl(DEFAULT_URL);
  }

  /** Defaults with another server. */
  public static RedisProperties forUrl(String url) {
    QueueSettings queue = QueueSettings.defaults();
    CircuitPolicy circuit = queue.circuit();
    return new RedisProperties(
        url, null, Duration.ofSeconds(5), Duration.ofSeconds(3), 2, Duration.ofMillis(500), 32, 8,
        DEFAULT_KEY_PREFIX, queue.leaseDuration(), queue.maxAttempts(), circuit.base(), circuit.max(),
        circuit.threshold(), queue.pollInterval(), queue.promoteAfter());
  }

  public RedisProperties withKeyPrefix(String prefix) {
    return new RedisProperties(
        url, password, connectTimeout, timeout, retryAttempts, retryInterval, connectionPoolSize,
        nettyThreads, prefix, leaseDuration, maxAttempts, circuitBackoff, circuitMaxBackoff,
        circuitThreshold, claimPollInterval, promoteAfter);
  }

  /** Same settings with another connection pool size and number of I/O threads. */
  public RedisProperties withConnections(int poolSize, int threads) {
    return new RedisProperties(
        url, password, connectTimeout, timeout, retryAttempts, retryInterval, poolSize,
        threads, keyPrefix, leaseDuration, maxAttempts, circuitBackoff, circuitMaxBackoff,
        circuitThreshold, claimPollInterval, promoteAfter);
  }

  /** The queue protocol settings these properties describe. */
  public QueueSettings queueSettings() {
    return new QueueSettings(
        leaseDuration,
        maxAttempts,
        new CircuitPolicy(circuitBackoff, circuitMaxBackoff, circuitThreshold),
        claimPollInterval,
        promoteAfter);
  }

  @Override
  public String toString() {
    return "RedisProperties[url=" + redactedUrl() + ", keyPrefix=" + keyPrefix + ", password="
        + (password == null ? "none" : "***") + "]";
  }

  /** The url without credentials, for logs. */
  public String redactedUrl() {
    return url.replaceFirst("//[^/@]*@", "//***@");
  }
}
