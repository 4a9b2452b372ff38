package io.botburrow.gateway.budget.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where {@link RespClient} opens its next connection: one fixed server, or the primary that Redis
 * Sentinel names at that moment ({@code SENTINEL get-master-addr-by-name}), asked of each sentinel in
 * turn until one answers. Asked on every new connection, so a client follows a promoted replica as soon
 * as its old connections are dropped. Thread-safe.
 */
public abstract sealed class RedisPrimary implements AutoCloseable {
  private RedisPrimary() {}

  /** The address of a server that takes writes now. */
  public abstract InetSocketAddress resolve() throws IOException;

  @Override
  public void close() {}

  /** Always {@code host:port}. */
  public static RedisPrimary fixed(String host, int port) {
    return new Fixed(InetSocketAddress.createUnresolved(host, port));
  }

  /** The nodes in turn, one per new connection (a cluster's entry points: whichever answers). */
  public static RedisPrimary anyOf(List<InetSocketAddress> nodes) {
    return nodes.size() == 1 ? new Fixed(nodes.getFirst()) : new Rotating(List.copyOf(nodes));
  }

  /**
   * The primary {@code masterName} of {@code sentinels}.
   *
   * @param tls whether the sentinels speak TLS
   * @param password the sentinels' password, or null
   */
  public static RedisPrimary sentinels(String masterName, List<InetSocketAddress> sentinels, boolean tls,
      String password, Duration connectTimeout, Duration timeout) {
    if (sentinels.isEmpty()) {
      throw new IllegalArgumentException("no sentinel to ask for the primary '" + masterName + "'");
    }
    var clients = new ArrayList<RespClient>();
    for (var s : sentinels) {
      var url = (tls ? "rediss://" : "redis://") + s.getHostString() + ":" + s.getPort();
      clients.add(new RespClient(url, password, connectTimeout, timeout));
    }
    return new Sentinels(masterName, List.copyOf(clients));
  }

  private static final class Fixed extends RedisPrimary {
    private final InetSocketAddress address;

    Fixed(InetSocketAddress address) {
      this.address = address;
    }

    @Override
    public InetSocketAddress resolve() {
      return address;
    }
  }

  private static final class Rotating extends RedisPrimary {
    private final List<InetSocketAddress> nodes;
    private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

    Rotating(List<InetSocketAddress> nodes) {
      this.nodes = nodes;
    }

    @Override
    public InetSocketAddress resolve() {
      return nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
    }
  }

  private static final class Sentinels extends RedisPrimary {
    private final String masterName;
    private final List<RespClient> sentinels;

    Sentinels(String masterName, List<RespClient> sentinels) {
      this.masterName = masterName;
      this.sentinels = sentinels;
    }

    @Override
    public InetSocketAddress resolve() throws IOException {
      IOException last = null;
      for (var sentinel : sentinels) {
        try {
          if (sentinel.call(List.of("SENTINEL", "get-master-addr-by-name", masterName)) instanceof List<?> reply
              && reply.size() == 2) {
            return InetSocketAddress.createUnresolved(
                String.valueOf(reply.get(0)), Integer.parseInt(String.valueOf(reply.get(1))));
          }
          last = new IOException("no sentinel knows the primary '" + masterName + "'");
        } catch (IOException | NumberFormatException e) {
          last = e instanceof IOException io ? io : new IOException("unexpected sentinel reply", e);
        }
      }
      throw new IOException("cannot learn the Redis primary '" + masterName + "' from the sentinels", last);
    }

    @Override
    public void close() {
      sentinels.forEach(RespClient::close);
    }
  }
}
