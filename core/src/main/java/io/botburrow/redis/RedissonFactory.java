package io.botburrow.redis;

import io.botburrow.leader.LeaderProperties;
import io.botburrow.leader.redis.RedisLeaderElection;
import io.botburrow.queue.redis.RedisActivationClaims;
import io.botburrow.queue.redis.RedisActivationQueue;
import io.botburrow.queue.redis.RedisEffectLedger;
import io.botburrow.queue.redis.RedisQueueAdmin;
import io.botburrow.queue.redis.RedisQueueKeys;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;
import org.redisson.config.ReadMode;
import org.redisson.config.SentinelServersConfig;
import org.redisson.config.SingleServerConfig;
import org.redisson.config.SubscriptionMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Redisson client and the Redis adapters of the queue ports. Beans are created on first
 * injection, so a context that never asks for them (the Hub) never connects. Disable with
 * {@code botburrow.redis.enabled=false}.
 */
@Factory
@Requires(property = "botburrow.redis.enabled", notEquals = "false")
public class RedissonFactory {
  private static final Logger LOG = LoggerFactory.getLogger(RedissonFactory.class);

  /**
   * A client for {@code properties}; usable without Micronaut. The caller shuts it down.
   *
   * @throws io.botburrow.queue.QueueUnavailableException when Redis cannot be reached
   */
  public static RedissonClient createClient(RedisProperties properties) {
    return createClient(properties, RedisSentinelProperties.none());
  }

  /**
   * A client for {@code properties}, through the sentinels of {@code sentinel} when it is enabled: the
   * client asks them for the primary, sends every command (reads included) to it, and moves to the
   * replica they promote when the primary fails. The caller shuts it down.
   *
   * @throws io.botburrow.queue.QueueUnavailableException when Redis cannot be reached
   */
  public static RedissonClient createClient(RedisProperties properties, RedisSentinelProperties sentinel) {
    Config config = new Config();
    // Never Redisson's default binary codec: keys and values stay readable with redis-cli.
    config.setCodec(StringCodec.INSTANCE);
    // EVALSHA with automatic EVAL fallback, so scripts survive a restart's (or a promoted replica's) empty
    // script cache.
    config.setUseScriptCache(true);
    config.setNettyThreads(properties.nettyThreads());
    String where;
    if (sentinel.enabled()) {
      sentinelServers(config, properties, sentinel);
      where = "the primary '" + sentinel.masterName() + "' of sentinels " + sentinel.nodes();
    } else {
      singleServer(config, properties);
      where = properties.redactedUrl();
    }
    try {
      RedissonClient client = Redisson.create(config);
      LOG.info("Redis client connected to {}", where);
      return client;
    } catch (RedisException e) {
      throw new io.botburrow.queue.QueueUnavailableException("cannot connect to Redis at " + where, e);
    }
  }

  private static void singleServer(Config config, RedisProperties properties) {
    SingleServerConfig server =
        config
            .useSingleServer()
            .setAddress(properties.url())
            .setConnectTimeout(millis(properties.connectTimeout()))
            .setTimeout(millis(properties.timeout()))
            .setRetryAttempts(properties.retryAttempts())
            .setRetryDelay(new ConstantDelay(properties.retryInterval()))
            .setConnectionPoolSize(properties.connectionPoolSize())
            .setConnectionMinimumIdleSize(Math.min(4, properties.connectionPoolSize()))
            .setSubscriptionConnectionMinimumIdleSize(1)
            // detects a dead connection (e.g. Redis restarted) between commands
            .setPingConnectionInterval(1_000);
    if (properties.password() != null && !properties.password().isEmpty()) {
      server.setPassword(properties.password());
    }
  }

  private static void sentinelServers(Config config, RedisProperties properties, RedisSentinelProperties sentinel) {
    String scheme = properties.url().startsWith("rediss://") ? "rediss://" : "redis://";
    SentinelServersConfig servers =
        config
            .useSentinelServers()
            .setMasterName(sentinel.masterName())
            // the sentinels are asked for each other too; one reachable sentinel is enough to start
            .setCheckSentinelsList(false)
            // replication is asynchronous: a replica may lag, and a lease or claim read there could be stale
            .setReadMode(ReadMode.MASTER)
            .setSubscriptionMode(SubscriptionMode.MASTER)
            .setScanInterval(1_000)
            .setConnectTimeout(millis(properties.connectTimeout()))
            .setTimeout(millis(properties.timeout()))
            .setRetryAttempts(properties.retryAttempts())
            .setRetryDelay(new ConstantDelay(properties.retryInterval()))
            .setMasterConnectionPoolSize(properties.connectionPoolSize())
            .setMasterConnectionMinimumIdleSize(Math.min(4, properties.connectionPoolSize()))
            .setSlaveConnectionPoolSize(2)
            .setSlaveConnectionMinimumIdleSize(1)
            .setSubscriptionConnectionMinimumIdleSize(1)
            .setPingConnectionInterval(1_000);
    sentinel.addresses().forEach(a -> servers.addSentinelAddress(scheme + a.getHostString() + ":" + a.getPort()));
    if (properties.password() != null && !properties.password().isEmpty()) {
      servers.setPassword(properties.password());
    }
    if (sentinel.password() != null && !sentinel.password().isEmpty()) {
      servers.setSentinelPassword(sentinel.password());
    }
  }

  @Singleton
  @Bean(preDestroy = "shutdown")
  RedissonClient redissonClient(RedisProperties properties, RedisSentinelProperties sentinel) {
    return createClient(properties, sentinel);
  }

  @Singleton
  RedisQueueKeys redisQueueKeys(RedisProperties properties) {
    return new RedisQueueKeys(properties.keyPrefix());
  }

  @Singleton
  RedisActivationQueue activationQueue(
      RedissonClient client, RedisQueueKeys keys, RedisProperties properties, @Nullable Clock clock) {
    return new RedisActivationQueue(client, keys, properties.queueSettings(), orSystem(clock));
  }

  @Singleton
  @Bean(preDestroy = "close")
  RedisActivationClaims activationClaims(
      RedissonClient client, RedisQueueKeys keys, RedisProperties properties, @Nullable Clock clock) {
    return new RedisActivationClaims(client, keys, properties.queueSettings(), orSystem(clock));
  }

  @Singleton
  RedisQueueAdmin queueAdmin(RedissonClient client, RedisQueueKeys keys, @Nullable Clock clock) {
    return new RedisQueueAdmin(client, keys, orSystem(clock));
  }

  @Singleton
  RedisEffectLedger effectLedger(RedissonClient client, RedisQueueKeys keys) {
    return new RedisEffectLedger(client, keys);
  }

  /** Not started: the coordinator adds its listeners first, then calls {@code start()}. */
  @Singleton
  @Bean(preDestroy = "close")
  @Requires(env = "coordinator")
  RedisLeaderElection leaderElection(
      RedissonClient client, RedisQueueKeys keys, RedisProperties properties, LeaderProperties leader) {
    return new RedisLeaderElection(
        client,
        properties.keyPrefix() + "leader:" + leader.name(),
        keys.fencingCounter(),
        leader.resolvedInstanceId(),
        leader.settings());
  }

  private static Clock orSystem(@Nullable Clock clock) {
    return clock == null ? Clock.systemUTC() : clock;
  }

  private static int millis(java.time.Duration duration) {
    return Math.toIntExact(duration.toMillis());
  }
}
