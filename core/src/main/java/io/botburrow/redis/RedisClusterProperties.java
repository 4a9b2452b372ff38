package io.botburrow.redis;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Redis Cluster and queue sharding ({@code botburrow.redis.cluster.*}). When {@code nodes} is set, every
 * client discovers the cluster from those nodes and sends each command to the primary of its key's slot;
 * {@code botburrow.redis.url}'s host and port are then not used (its scheme still chooses TLS).
 *
 * @param nodes some primaries of the cluster, {@code host:port} each (one reachable node is enough)
 * @param shards activation-queue shards per tenant; each shard is one hash slot, so on a cluster more
 *     shards spread the queue over more primaries
 */
@ConfigurationProperties("botburrow.redis.cluster")
public record RedisClusterProperties(
    @Nullable List<String> nodes, @Bindable(defaultValue = "1") int shards) {

  /** Upper bound of {@code shards}: a shard costs a claim round trip when the others are empty. */
  public static final int MAX_SHARDS = 64;

  public RedisClusterProperties {
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    nodes.forEach(RedisClusterProperties::address);
    if (shards < 1 || shards > MAX_SHARDS) {
      throw new IllegalArgumentException(
          "botburrow.redis.cluster.shards must be between 1 and " + MAX_SHARDS + ", got " + shards);
    }
  }

  /** Cluster mode off, one shard: one server at {@code botburrow.redis.url}. */
  public static RedisClusterProperties none() {
    return new RedisClusterProperties(List.of(), 1);
  }

  /** Cluster mode through {@code nodes}, with {@code shards} queue shards per tenant. */
  public static RedisClusterProperties of(List<String> nodes, int shards) {
    return new RedisClusterProperties(nodes, shards);
  }

  public boolean enabled() {
    return !nodes.isEmpty();
  }

  /** The nodes' addresses, unresolved. */
  public List<InetSocketAddress> addresses() {
    return nodes.stream().map(RedisClusterProperties::address).toList();
  }

  private static InetSocketAddress address(String node) {
    try {
      return RedisSentinelProperties.address(node);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("botburrow.redis.cluster.nodes: expected host:port, got '" + node + "'");
    }
  }

  /**
   * Whether {@code prefix} holds a Redis Cluster hash tag ({@code {...}} with something inside), which puts
   * every key under it in one slot.
   */
  public static boolean hasHashTag(String prefix) {
    int open = prefix.indexOf('{');
    int close = open < 0 ? -1 : prefix.indexOf('}', open + 1);
    return close > open + 1;
  }
}
