package io.botburrow.redis;

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

/**
 * The Redisson configuration of a client for one server, the primary the sentinels watch or a cluster, and
 * where that client connects (for the log line and the error when it cannot).
 */
record RedisClientConfig(Config config, String where) {

  /**
   * The configuration for {@code properties}, through {@code sentinel} or {@code cluster} when one is enabled.
   *
   * @throws IllegalArgumentException as {@link #requireClusterLayout} does
   */
  static RedisClientConfig of(
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
    return new RedisClientConfig(config, where);
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

  private static int millis(java.time.Duration duration) {
    return Math.toIntExact(duration.toMillis());
  }
}
