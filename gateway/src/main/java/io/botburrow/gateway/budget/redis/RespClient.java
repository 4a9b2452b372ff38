package io.botburrow.gateway.budget.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal blocking Redis client (RESP2) for the gateway's scripts, which run on every model call:
 * the calling (virtual) thread writes the command and reads the reply itself, with no I/O thread to
 * wake and no future to complete, so a budget check costs one round trip and little else. Connections
 * are pooled; a pooled one that turns out closed (a Redis restart) is replaced once, before any reply.
 * Scripts go as {@code EVALSHA}, and as {@code EVAL} when Redis answers {@code NOSCRIPT} (after a
 * restart). Each new connection goes where a {@link RedisPrimary} says, and every pooled one is dropped
 * once a server answers {@code READONLY} (it was demoted) or a connection fails, so that the client
 * follows a failover (see {@link ConnectionPool}). On a Redis Cluster ({@link #cluster}) a command goes to the
 * node that last answered for its first key's slot, and a {@code MOVED} or {@code ASK} redirection is followed
 * (and {@code MOVED} remembered; see {@link ClusterSlots}). Thread-safe.
 */
public final class RespClient implements AutoCloseable {
  private static final int MAX_REDIRECTS = 5;

  /** An error reply from Redis. */
  public static final class RedisErrorException extends IOException {
    RedisErrorException(String message) {
      super(message);
    }
  }

  private final RespSettings settings;
  private final ConnectionPool pool;
  /** On a cluster: the nodes that answer for the slots, as far as known; else null. */
  private final ClusterSlots slots;
  private final Map<String, RespClient> nodeClients = new ConcurrentHashMap<>();

  /**
   * @param url {@code redis://[user:password@]host:port[/db]} or {@code rediss://} for TLS
   * @param password overrides the URL's password when not null
   */
  public RespClient(String url, String password, Duration connectTimeout, Duration timeout) {
    this(url, password, connectTimeout, timeout, null);
  }

  /**
   * @param primary where to connect; null for the URL's host and port. Closed with this client.
   */
  public RespClient(String url, String password, Duration connectTimeout, Duration timeout, RedisPrimary primary) {
    this.settings = RespSettings.of(url, password, connectTimeout, timeout);
    this.pool = new ConnectionPool(settings,
        primary == null ? RedisPrimary.fixed(settings.host(), settings.port()) : primary);
    this.slots = null;
  }

  private RespClient(RespSettings settings, RedisPrimary primary, boolean cluster) {
    this.settings = settings;
    this.pool = new ConnectionPool(settings, primary);
    this.slots = cluster ? new ClusterSlots() : null;
  }

  /**
   * A client of the Redis Cluster reachable through {@code nodes} ({@code url} gives the scheme and
   * credentials): commands whose slot is not known yet go to the nodes in turn, and redirections are followed.
   */
  public static RespClient cluster(String url, String password, Duration connectTimeout, Duration timeout,
      List<InetSocketAddress> nodes) {
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("no Redis Cluster node to connect to");
    }
    // read as a client of the URL's own server reads it, so that a URL such a client refuses is refused here too
    var settings = new RespClient(url, password, connectTimeout, timeout);
    return new RespClient(settings.settings, RedisPrimary.anyOf(nodes), true);
  }

  /** The SHA-1 Redis names a script by. Pure. */
  public static String sha1(String script) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 unavailable", e);
    }
  }

  /**
   * Runs a script that returns an array of integers. Blocks for one round trip (two after a Redis
   * restart lost the script cache).
   *
   * @throws IOException when Redis cannot be reached, times out or answers with an error
   */
  public List<Long> evalIntegers(String script, String sha, List<String> keys, List<String> args) throws IOException {
    var command = new ArrayList<String>(3 + keys.size() + args.size());
    command.add("EVALSHA");
    command.add(sha);
    command.add(Integer.toString(keys.size()));
    command.addAll(keys);
    command.addAll(args);
    try {
      return integers(call(command));
    } catch (RedisErrorException e) {
      if (!e.getMessage().startsWith("NOSCRIPT")) {
        throw e;
      }
      command.set(0, "EVAL");
      command.set(1, script);
      return integers(call(command));
    }
  }

  /** Sends one command and returns its reply (Long, String, byte[] or List); error replies are thrown. */
  public Object call(List<String> command) throws IOException {
    if (slots == null) {
      return pool.call(command, false);
    }
    String known = slots.nodeFor(command);
    RespClient target = known == null ? this : node(known);
    boolean asking = false;
    for (int redirects = 0; ; redirects++) {
      try {
        return target.pool.call(command, asking);
      } catch (RedisErrorException e) {
        var redirection = ClusterSlots.redirection(e.getMessage());
        if (redirects >= MAX_REDIRECTS || redirection == null) {
          throw e;
        }
        if (redirection.moved()) {
          slots.moved(redirection);
        }
        target = node(redirection.node());
        asking = !redirection.moved();
      }
    }
  }

  private RespClient node(String address) {
    return nodeClients.computeIfAbsent(address, a -> {
      int colon = a.lastIndexOf(':');
      var node = InetSocketAddress.createUnresolved(a.substring(0, colon), Integer.parseInt(a.substring(colon + 1)));
      return new RespClient(settings, RedisPrimary.anyOf(List.of(node)), false);
    });
  }

  private static List<Long> integers(Object reply) throws IOException {
    if (!(reply instanceof List<?> list)) {
      throw new IOException("expected an array reply, got " + reply);
    }
    var values = new ArrayList<Long>(list.size());
    for (var item : list) {
      if (!(item instanceof Long number)) {
        throw new IOException("expected integers in the reply, got " + item);
      }
      values.add(number);
    }
    return values;
  }

  @Override
  public void close() {
    nodeClients.values().forEach(RespClient::close);
    pool.close();
  }
}
