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
    RedisClientConfig setup = RedisClientConfig.of(properties, sentinel, cluster);
    String where = setup.where();
    try {
      RedissonClient client = Redisson.create(setup.config());
      LOG.info("Redis client connected to {}", where);
      return client;
    } catch (RedisException e) {
      throw new io.botburrow.queue.QueueUnavailableException("cannot connect to Redis at " + where, e);
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
}
