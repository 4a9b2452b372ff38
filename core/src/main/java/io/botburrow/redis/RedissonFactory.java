package io.botburrow.redis;

import io.botburrow.activation.Activation;
import io.botburrow.leader.LeaderProperties;
import io.botburrow.leader.redis.RedisLeaderElection;
import io.botburrow.queue.redis.RedisEffectLedger;
import io.botburrow.queue.redis.QueueShards;
import io.botburrow.queue.redis.RedisQueueKeys;
import io.botburrow.queue.redis.ShardedRedisQueue;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.core.value.PropertyResolver;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.BaseMasterSlaveServersConfig;
import org.redisson.config.ClusterServersConfig;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;
import org.redisson.config.ReadMode;
import org.redisson.config.SentinelServersConfig;
import org.redisson.config.ShardedSubscriptionMode;
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
    return createClient(properties, sentinel, RedisClusterProperties.none());
  }

  /**
   * A client for {@code properties}, through the sentinels of {@code sentinel} or the cluster of {@code
   * cluster} when one is enabled (not both). On a cluster, every command goes to the primary of its key's
   * slot and follows the slots when they move. The caller shuts it down.
   *
   * @throws IllegalArgumentException when both are enabled, or on a cluster when {@code
   *     botburrow.redis.key-prefix} has no hash tag (the scripts' keys must share a slot)
   * @throws io.botburrow.queue.QueueUnavailableException when Redis cannot be reached
   */
  public static RedissonClient createClient(
      RedisProperties properties, RedisSentinelProperties sentinel, RedisClusterProperties cluster) {
    requireClusterLayout(properties, sentinel, cluster);
    Config config = new Config();
    // Never Redisson's default binary codec: keys and values stay readable with redis-cli.
    config.setCodec(StringCodec.INSTANCE);
    // EVALSHA with automatic EVAL fallback, so scripts survive a restart's (or a promoted replica's) empty
    // script cache.
    config.setUseScriptCache(true);
    config.setNettyThreads(properties.nettyThreads());
    String where;
    if (cluster.enabled()) {
      clusterServers(config, properties, cluster);
      where = "the cluster of " + cluster.nodes();
    } else if (sentinel.enabled()) {
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

  /**
   * On a cluster, keys of one script must share a slot: every store builds its keys under the key prefix,
   * so the prefix must carry a hash tag; the activation queue replaces it with one tag per shard.
   */
  static void requireClusterLayout(
      RedisProperties properties, RedisSentinelProperties sentinel, RedisClusterProperties cluster) {
    if (!cluster.enabled()) {
      return;
    }
    if (sentinel.enabled()) {
      throw new IllegalArgumentException(
          "botburrow.redis.cluster.nodes and botburrow.redis.sentinel.nodes exclude each other: a cluster fails"
              + " over by itself");
    }
    if (!RedisClusterProperties.hasHashTag(properties.keyPrefix())) {
      throw new IllegalArgumentException(
          "botburrow.redis.key-prefix must hold a hash tag on a Redis Cluster, e.g. '{botburrow}:' (got '"
              + properties.keyPrefix() + "'), so that the keys of each script share one slot");
    }
  }

  private static void clusterServers(Config config, RedisProperties properties, RedisClusterProperties cluster) {
    String scheme = properties.url().startsWith("rediss://") ? "rediss://" : "redis://";
    ClusterServersConfig servers =
        config
            .useClusterServers()
            // the queue scripts PUBLISH their wake-ups, which reaches plain subscribers on every node
            .setShardedSubscriptionMode(ShardedSubscriptionMode.OFF)
            .setScanInterval(1_000);
    primaryWithReplicas(servers, properties);
    cluster.addresses().forEach(a -> servers.addNodeAddress(scheme + a.getHostString() + ":" + a.getPort()));
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
            .setScanInterval(1_000);
    primaryWithReplicas(servers, properties);
    sentinel.addresses().forEach(a -> servers.addSentinelAddress(scheme + a.getHostString() + ":" + a.getPort()));
    if (sentinel.password() != null && !sentinel.password().isEmpty()) {
      servers.setSentinelPassword(sentinel.password());
    }
  }

  /** What Sentinel and Cluster mode share: everything on the primaries, and the pools, timeouts and password. */
  private static void primaryWithReplicas(BaseMasterSlaveServersConfig<?> servers, RedisProperties properties) {
    servers
        // replication is asynchronous: a replica may lag, and a lease or claim read there could be stale
        .setReadMode(ReadMode.MASTER)
        .setSubscriptionMode(SubscriptionMode.MASTER)
        .setMasterConnectionPoolSize(properties.connectionPoolSize())
        .setMasterConnectionMinimumIdleSize(Math.min(4, properties.connectionPoolSize()))
        .setSlaveConnectionPoolSize(2)
        .setSlaveConnectionMinimumIdleSize(1)
        .setSubscriptionConnectionMinimumIdleSize(1)
        .setConnectTimeout(millis(properties.connectTimeout()))
        .setTimeout(millis(properties.timeout()))
        .setRetryAttempts(properties.retryAttempts())
        .setRetryDelay(new ConstantDelay(properties.retryInterval()))
        .setPingConnectionInterval(1_000);
    if (properties.password() != null && !properties.password().isEmpty()) {
      servers.setPassword(properties.password());
    }
  }

  @Singleton
  @Bean(preDestroy = "shutdown")
  RedissonClient redissonClient(
      RedisProperties properties, RedisSentinelProperties sentinel, RedisClusterProperties cluster) {
    return createClient(properties, sentinel, cluster);
  }

  @Singleton
  RedisQueueKeys redisQueueKeys(RedisProperties properties) {
    return new RedisQueueKeys(properties.keyPrefix());
  }

  /**
   * The activation queue with its runner and operator sides: one queue under the key prefix, or, with tenants
   * ({@code botburrow.tenants.*}) or shards ({@code botburrow.redis.cluster.shards}) or on a cluster, one per
   * shard behind {@link ShardedRedisQueue}.
   */
  @Singleton
  @Bean(preDestroy = "close")
  ShardedRedisQueue activationQueue(
      RedissonClient client, RedisProperties properties, RedisClusterProperties cluster, Environment environment,
      @Nullable Clock clock) {
    return new ShardedRedisQueue(client, queueShards(properties, cluster, environment), properties.queueSettings(),
        orSystem(clock));
  }

  /** The queue's shards: the tenants' weights ({@code botburrow.tenants.<name>.weight}, default 1). */
  static QueueShards queueShards(
      RedisProperties properties, RedisClusterProperties cluster, PropertyResolver environment) {
    Map<String, Integer> weights = new LinkedHashMap<>();
    for (String tenant : new java.util.TreeSet<>(environment.getPropertyEntries("botburrow.tenants"))) {
      String base = "botburrow.tenants." + tenant;
      // a tenant is a name with a Hub (environment variables bring other names too); the default one always is
      if (tenant.equals(Activation.DEFAULT_TENANT) || environment.containsProperty(base + ".hub.url")) {
        weights.put(tenant, environment.getProperty(base + ".weight", Integer.class).orElse(1));
      }
    }
    return new QueueShards(properties.keyPrefix(), cluster.enabled(), cluster.shards(), weights);
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
      RedissonClient client, RedisQueueKeys keys, RedisProperties properties, LeaderProperties leader,
      ShardedRedisQueue queue) {
    RedisLeaderElection election = new RedisLeaderElection(
        client,
        properties.keyPrefix() + "leader:" + leader.name(),
        keys.fencingCounter(),
        leader.resolvedInstanceId(),
        leader.settings());
    // first listener: each term's token reaches every queue shard before the leader's duties enqueue
    election.addListener(queue);
    return election;
  }

  private static Clock orSystem(@Nullable Clock clock) {
    return clock == null ? Clock.systemUTC() : clock;
  }

  private static int millis(java.time.Duration duration) {
    return Math.toIntExact(duration.toMillis());
  }
}
