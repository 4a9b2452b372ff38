package io.botburrow.redis;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Redis behind Sentinel ({@code botburrow.redis.sentinel.*}): when {@code masterName} and {@code nodes} are
 * set, every client asks the sentinels which server is the primary and follows it when they promote a
 * replica; {@code botburrow.redis.url}'s host and port are then not used (its scheme still chooses TLS).
 *
 * @param masterName the name the sentinels monitor the primary under ({@code sentinel monitor <name> ...})
 * @param nodes the sentinels, {@code host:port} each
 * @param password the sentinels' own password, when they require one (never logged); the primary's is
 *     {@code botburrow.redis.password}
 */
@ConfigurationProperties("botburrow.redis.sentinel")
public record RedisSentinelProperties(
    @Nullable String masterName, @Nullable List<String> nodes, @Nullable String password) {

  public RedisSentinelProperties {
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    boolean named = masterName != null && !masterName.isBlank();
    if (named != !nodes.isEmpty()) {
      throw new IllegalArgumentException(
          "botburrow.redis.sentinel.master-name and botburrow.redis.sentinel.nodes go together: set both or"
              + " neither");
    }
    nodes.forEach(RedisSentinelProperties::address);
  }

  /** Sentinel mode off: one server at {@code botburrow.redis.url}. */
  public static RedisSentinelProperties none() {
    return new RedisSentinelProperties(null, List.of(), null);
  }

  /** Sentinel mode for {@code masterName}, watched by {@code nodes}. */
  public static RedisSentinelProperties of(String masterName, List<String> nodes) {
    return new RedisSentinelProperties(masterName, nodes, null);
  }

  public boolean enabled() {
    return !nodes.isEmpty();
  }

  /** The sentinels' addresses, unresolved. */
  public List<InetSocketAddress> addresses() {
    return nodes.stream().map(RedisSentinelProperties::address).toList();
  }

  /**
   * {@code host:port} (or {@code [v6]:port}) as an unresolved address.
   *
   * @throws IllegalArgumentException when {@code node} is not of that form
   */
  static InetSocketAddress address(String node) {
    String text = node.strip();
    if (text.startsWith("redis://") || text.startsWith("rediss://")) {
      text = text.substring(text.indexOf("//") + 2);
    }
    int colon = text.lastIndexOf(':');
    String host = colon < 0 ? "" : text.substring(0, colon).replace("[", "").replace("]", "");
    int port;
    try {
      port = colon < 0 ? -1 : Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (host.isEmpty() || port < 1 || port > 65_535) {
      throw new IllegalArgumentException("botburrow.redis.sentinel.nodes: expected host:port, got '" + node + "'");
    }
    return InetSocketAddress.createUnresolved(host, port);
  }

  @Override
  public String toString() {
    return "RedisSentinelProperties[masterName=" + masterName + ", nodes=" + nodes + ", password="
        + (password == null ? "none" : "***") + "]";
  }
}
