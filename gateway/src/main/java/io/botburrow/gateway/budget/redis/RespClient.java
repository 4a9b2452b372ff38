package io.botburrow.gateway.budget.redis;

import io.botburrow.gateway.net.SocketWatchdog;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A minimal blocking Redis client (RESP2) for the gateway's scripts, which run on every model call:
 * the calling (virtual) thread writes the command and reads the reply itself, with no I/O thread to
 * wake and no future to complete, so a budget check costs one round trip and little else. Connections
 * are pooled; a pooled one that turns out closed (a Redis restart) is replaced once, before any reply.
 * Scripts go as {@code EVALSHA}, and as {@code EVAL} when Redis answers {@code NOSCRIPT} (after a
 * restart). Each new connection goes where a {@link RedisPrimary} says, and every pooled one is dropped
 * once a server answers {@code READONLY} (it was demoted) or a connection fails, so that the client
 * follows a failover. On a Redis Cluster ({@link #cluster}) a command goes to the node that last answered for
 * its first key's slot, and a {@code MOVED} or {@code ASK} redirection is followed (and {@code MOVED} remembered).
 * Thread-safe.
 */
public final class RespClient implements AutoCloseable {
  private static final int SLOTS = 16_384;
  private static final int MAX_REDIRECTS = 5;

  /** An error reply from Redis. */
  public static final class RedisErrorException extends IOException {
    RedisErrorException(String message) {
      super(message);
    }
  }

  private final String host;
  private final int port;
  private final boolean tls;
  private final String user;
  private final String password;
  private final int database;
  private final Duration connectTimeout;
  private final Duration timeout;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  /** Deadlines on blocking sockets (see {@link SocketWatchdog}): a reply waited for costs one read. */
  private final SocketWatchdog watchdog = new SocketWatchdog("gateway-redis-deadlines");
  private final RedisPrimary primary;
  /** On a cluster: the node ({@code host:port}) that answers for each slot, as far as known; else null. */
  private final AtomicReferenceArray<String> slotNodes;
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
    var uri = URI.create(url);
    this.host = uri.getHost();
    this.tls = "rediss".equals(uri.getScheme());
    this.port = uri.getPort() > 0 ? uri.getPort() : 6379;
    String urlUser = null;
    String urlPassword = null;
    if (uri.getRawUserInfo() != null) {
      var info = uri.getRawUserInfo();
      int colon = info.indexOf(':');
      urlUser = colon < 0 ? null : decode(info.substring(0, colon));
      urlPassword = decode(colon < 0 ? info : info.substring(colon + 1));
    }
    this.user = urlUser == null || urlUser.isEmpty() ? null : urlUser;
    this.password = password != null && !password.isEmpty() ? password : urlPassword;
    var path = uri.getPath() == null ? "" : uri.getPath().replace("/", "");
    this.database = path.isEmpty() ? 0 : Integer.parseInt(path);
    this.connectTimeout = connectTimeout;
    this.timeout = timeout;
    this.primary = primary == null ? RedisPrimary.fixed(host, port) : primary;
    this.slotNodes = null;
  }

  private RespClient(RespClient settings, RedisPrimary primary, boolean cluster) {
    this.host = settings.host;
    this.port = settings.port;
    this.tls = settings.tls;
    this.user = settings.user;
    this.password = settings.password;
    this.database = settings.database;
    this.connectTimeout = settings.connectTimeout;
    this.timeout = settings.timeout;
    this.primary = primary;
    this.slotNodes = cluster ? new AtomicReferenceArray<>(SLOTS) : null;
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
    var settings = new RespClient(url, password, connectTimeout, timeout);
    return new RespClient(settings, RedisPrimary.anyOf(nodes), true);
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
    if (slotNodes == null) {
      return call(command, false);
    }
    String key = firstKey(command);
    int slot = key == null ? -1 : slot(key);
    String known = slot < 0 ? null : slotNodes.get(slot);
    RespClient target = known == null ? this : node(known);
    boolean asking = false;
    for (int redirects = 0; ; redirects++) {
      try {
        return target.call(command, asking);
      } catch (RedisErrorException e) {
        // MOVED <slot> <host:port>: the slot lives there now; ASK <slot> <host:port>: this once, while it moves
        String[] parts = e.getMessage().split(" ");
        boolean moved = parts[0].equals("MOVED");
        if (redirects >= MAX_REDIRECTS || parts.length != 3 || !(moved || parts[0].equals("ASK"))) {
          throw e;
        }
        if (moved) {
          slotNodes.set(Integer.parseInt(parts[1]), parts[2]);
        }
        target = node(parts[2]);
        asking = !moved;
      }
    }
  }

  private RespClient node(String address) {
    return nodeClients.computeIfAbsent(address, a -> {
      int colon = a.lastIndexOf(':');
      var node = InetSocketAddress.createUnresolved(a.substring(0, colon), Integer.parseInt(a.substring(colon + 1)));
      return new RespClient(this, RedisPrimary.anyOf(List.of(node)), false);
    });
  }

  /** The key a command's slot is computed from: a script's first key, else the command's first argument. */
  static String firstKey(List<String> command) {
    String name = command.get(0).toUpperCase(java.util.Locale.ROOT);
    if (name.equals("EVAL") || name.equals("EVALSHA")) {
      return command.size() > 3 && !command.get(2).equals("0") ? command.get(3) : null;
    }
    return command.size() > 1 ? command.get(1) : null;
  }

  /** The Redis Cluster slot of {@code key} (of its hash tag, if it has one): CRC16/XMODEM mod 16384. */
  static int slot(String key) {
    int open = key.indexOf('{');
    if (open >= 0) {
      int close = key.indexOf('}', open + 1);
      if (close > open + 1) {
        key = key.substring(open + 1, close);
      }
    }
    int crc = 0;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      crc ^= (b & 0xff) << 8;
      for (int i = 0; i < 8; i++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
      }
    }
    return (crc & 0xffff) % SLOTS;
  }

  private Object call(List<String> command, boolean asking) throws IOException {
    var pooled = idle.pollFirst();
    if (pooled != null) {
      try {
        if (asking) {
          pooled.check(pooled.call(List.of("ASKING")));
        }
        return finish(pooled, pooled.call(command));
      } catch (Connection.StaleException e) {
        pooled.close();
        dropIdle();
      } catch (IOException e) {
        pooled.close();
        dropIdle();
        throw e;
      }
    }
    var fresh = connect();
    try {
      if (asking) {
        fresh.check(fresh.call(List.of("ASKING")));
      }
      return finish(fresh, fresh.call(command));
    } catch (IOException e) {
      fresh.close();
      dropIdle();
      throw e;
    }
  }

  private Object finish(Connection connection, Object reply) throws IOException {
    if (reply instanceof RedisErrorException error && error.getMessage().startsWith("READONLY")) {
      // a replica now: the pool points at a demoted primary
      connection.close();
      dropIdle();
      throw error;
    }
    idle.addFirst(connection);
    if (reply instanceof RedisErrorException error) {
      throw error;
    }
    return reply;
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

  private Connection connect() throws IOException {
    var address = primary.resolve();
    var plain = new Socket();
    var guard = watchdog.watch(plain);
    try {
      plain.setTcpNoDelay(true);
      plain.setKeepAlive(true);
      guard.begin(Math.max(1, connectTimeout.toNanos()));
      try {
        plain.connect(new InetSocketAddress(address.getHostString(), address.getPort()));
      } catch (IOException e) {
        throw guard.translate(e, "connect");
      } finally {
        guard.end();
      }
      Socket socket = plain;
      if (tls) {
        var secure = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
            .createSocket(plain, address.getHostString(), address.getPort(), true);
        var params = secure.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        secure.setSSLParameters(params);
        socket = secure;
      }
      var connection = new Connection(socket, guard, Math.max(1, timeout.toNanos()));
      if (password != null) {
        connection.check(connection.call(user == null ? List.of("AUTH", password) : List.of("AUTH", user, password)));
      }
      if (database != 0) {
        connection.check(connection.call(List.of("SELECT", Integer.toString(database))));
      }
      return connection;
    } catch (IOException | RuntimeException e) {
      guard.release();
      plain.close();
      throw e;
    }
  }

  @Override
  public void close() {
    nodeClients.values().forEach(RespClient::close);
    watchdog.close();
    dropIdle();
    primary.close();
  }

  private void dropIdle() {
    for (var c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
      c.close();
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** One connection: a command out, its reply in. */
  private static final class Connection {
    /** The connection broke before any byte of the reply arrived. */
    static final class StaleException extends IOException {
      StaleException(IOException cause) {
        super("Redis connection closed", cause);
      }
    }

    private final Socket socket;
    private final SocketWatchdog.Guard guard;
    private static final byte[] CRLF = {'\r', '\n'};
    private final InputStream in;
    private final OutputStream out;
    /** Where a command is framed before it is written. */
    private byte[] frame = new byte[1024];
    private int framed;

    /** @param timeoutNanos how long a reply (and a write) may take */
    Connection(Socket socket, SocketWatchdog.Guard guard, long timeoutNanos) throws IOException {
      this.socket = socket;
      this.guard = guard;
      this.in = new BufferedInputStream(guard.input(socket.getInputStream(), () -> timeoutNanos), 8192);
      this.out = new BufferedOutputStream(guard.output(socket.getOutputStream(), () -> timeoutNanos), 8192);
    }

    /** The reply, an error reply returned (not thrown) so that the connection can be reused. */
    Object call(List<String> command) throws IOException {
      int first;
      try {
        write(command);
        first = in.read();
        if (first < 0) {
          throw new EOFException("Redis closed the connection");
        }
      } catch (EOFException | SocketException e) {
        throw new StaleException(e);
      }
      return reply(first);
    }

    void check(Object reply) throws IOException {
      if (reply instanceof RedisErrorException error) {
        throw error;
      }
    }

    /** The command, framed in {@link #frame}, goes out in one write. */
    private void write(List<String> command) throws IOException {
      framed = 0;
      header('*', command.size());
      for (var part : command) {
        var bytes = part.getBytes(StandardCharsets.UTF_8);
        header('$', bytes.length);
        append(bytes);
        append(CRLF);
      }
      out.write(frame, 0, framed);
      out.flush();
    }

    private void header(char type, int count) {
      room(16);
      frame[framed++] = (byte) type;
      if (count == 0) {
        frame[framed++] = '0';
      } else {
        int digits = 0;
        for (int rest = count; rest > 0; rest /= 10) {
          digits++;
        }
        for (int i = framed + digits - 1, rest = count; i >= framed; i--, rest /= 10) {
          frame[i] = (byte) ('0' + rest % 10);
        }
        framed += digits;
      }
      frame[framed++] = '\r';
      frame[framed++] = '\n';
    }

    private void append(byte[] bytes) {
      room(bytes.length);
      System.arraycopy(bytes, 0, frame, framed, bytes.length);
      framed += bytes.length;
    }

    private void room(int more) {
      if (framed + more > frame.length) {
        frame = java.util.Arrays.copyOf(frame, Math.max(frame.length * 2, framed + more));
      }
    }

    private Object reply(int type) throws IOException {
      var line = line();
      return switch (type) {
        case '+' -> line;
        case '-' -> new RedisErrorException(line);
        case ':' -> Long.parseLong(line);
        case '$' -> {
          int length = Integer.parseInt(line);
          if (length < 0) {
            yield null;
          }
          var bytes = in.readNBytes(length);
          line();
          yield new String(bytes, StandardCharsets.UTF_8);
        }
        case '*' -> {
          int count = Integer.parseInt(line);
          if (count < 0) {
            yield null;
          }
          var items = new ArrayList<Object>(count);
          for (int i = 0; i < count; i++) {
            int next = in.read();
            if (next < 0) {
              throw new EOFException("Redis closed the connection in the middle of a reply");
            }
            items.add(reply(next));
          }
          yield items;
        }
        default -> throw new IOException("unexpected Redis reply type " + (char) type);
      };
    }

    private String line() throws IOException {
      var text = new StringBuilder();
      for (int b = in.read(); ; b = in.read()) {
        if (b < 0) {
          throw new EOFException("Redis closed the connection in the middle of a reply");
        }
        if (b == '\r') {
          if (in.read() != '\n') {
            throw new IOException("malformed Redis reply");
          }
          return text.toString();
        }
        text.append((char) b);
      }
    }

    void close() {
      guard.release();
      try {
        socket.close();
      } catch (IOException e) {
        // best effort
      }
    }
  }
}
