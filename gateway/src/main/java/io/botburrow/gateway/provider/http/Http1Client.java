package io.botburrow.gateway.provider.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import io.botburrow.gateway.net.SocketWatchdog;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A small HTTP/1.1 client over blocking sockets, made for virtual threads: the calling thread writes the
 * request and reads the answer itself, so a call costs no selector thread and no hand-off between
 * threads, and streamed events reach the caller as soon as the socket has them. Connections are kept
 * alive per origin (TCP_NODELAY, TLS with host name verification for {@code https}) and reused most
 * recent first. A request that fails on a reused connection before any byte of the answer came back is
 * sent once more on a new one: the server had closed the idle connection. No redirects, no proxies, no
 * compression. Thread-safe.
 */
public final class Http1Client implements AutoCloseable {
  /** Idle connections kept per origin; more are closed when returned. */
  static final int MAX_IDLE_PER_ORIGIN = 64;
  /** Pooled connections idle longer than this are not reused (servers close theirs after 5 s to minutes). */
  static final Duration MAX_IDLE = Duration.ofSeconds(30);
  /** How long the end of an earlier answer on a pooled connection is waited for before the connection is dropped. */
  static final Duration LEFTOVER_TIMEOUT = Duration.ofSeconds(1);

  private final Duration connectTimeout;
  private final SSLSocketFactory tls;
  private final Clock clock;
  private final Map<String, ConcurrentLinkedDeque<Http1Connection>> idle = new ConcurrentHashMap<>();
  private final SocketWatchdog watchdog = new SocketWatchdog("gateway-http-client-deadlines");
  private volatile boolean closed;

  public Http1Client(Duration connectTimeout) {
    this(connectTimeout, (SSLSocketFactory) SSLSocketFactory.getDefault(), Clock.systemUTC());
  }

  public Http1Client(Duration connectTimeout, SSLSocketFactory tls, Clock clock) {
    this.connectTimeout = connectTimeout;
    this.tls = tls;
    this.clock = clock;
  }

  /**
   * Sends one request and reads the answer's status and headers. Blocks. The caller reads the body
   * from the response and closes it, which returns the connection to the pool when the body was read to
   * its end.
   *
   * @param timeout how long connecting, sending and waiting for the answer's head may take each
   * @throws java.net.SocketTimeoutException when the answer does not start within {@code timeout}
   * @throws IOException when the connection fails
   */
  public Http1Response send(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout)
      throws IOException {
    var origin = origin(uri);
    var reused = take(origin);
    if (reused != null) {
      try {
        return reused.exchange(method, uri, headers, body, timeout, this);
      } catch (Http1Connection.StaleConnectionException e) {
        reused.close();
      }
    }
    var fresh = connect(uri, timeout);
    try {
      return fresh.exchange(method, uri, headers, body, timeout, this);
    } catch (Http1Connection.StaleConnectionException e) {
      fresh.close();
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
  }

  /** Takes back a connection whose answer was read to its end. */
  void release(Http1Connection connection) {
    if (closed) {
      connection.close();
      return;
    }
    var pool = idle.computeIfAbsent(connection.origin(), o -> new ConcurrentLinkedDeque<>());
    connection.idleSince(clock.instant());
    pool.addFirst(connection);
    while (pool.size() > MAX_IDLE_PER_ORIGIN) {
      var oldest = pool.pollLast();
      if (oldest != null) {
        oldest.close();
      }
    }
  }

  private Http1Connection take(String origin) {
    var pool = idle.get(origin);
    if (pool == null) {
      return null;
    }
    Instant now = clock.instant();
    for (var connection = pool.pollFirst(); connection != null; connection = pool.pollFirst()) {
      if (Duration.between(connection.idleSince(), now).compareTo(MAX_IDLE) < 0 && connection.isOpen()
          && connection.finishLeftover(LEFTOVER_TIMEOUT)) {
        return connection;
      }
      connection.close();
    }
    return null;
  }

  /**
   * Connects in blocking mode, the deadlines kept by the watchdog: a socket given a timeout by the JDK
   * stays non-blocking and pays a failed read and a poll for every read that has to wait.
   */
  private Http1Connection connect(URI uri, Duration timeout) throws IOException {
    boolean secure = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
    var plain = new Socket();
    var guard = watchdog.watch(plain);
    try {
      plain.setTcpNoDelay(true);
      plain.setKeepAlive(true);
      guard.begin(Math.max(1, connectTimeout.toNanos()));
      try {
        plain.connect(new InetSocketAddress(uri.getHost(), port));
      } catch (IOException e) {
        throw guard.translate(e, "connect");
      } finally {
        guard.end();
      }
      Socket socket = plain;
      if (secure) {
        guard.begin(Math.max(1, timeout.toNanos()));
        try {
          socket = secure(plain, uri.getHost(), port);
        } catch (IOException e) {
          throw guard.translate(e, "TLS handshake");
        } finally {
          guard.end();
        }
      }
      return new Http1Connection(origin(uri), socket, guard);
    } catch (IOException | RuntimeException e) {
      guard.release();
      plain.close();
      throw e;
    }
  }

  private Socket secure(Socket plain, String host, int port) throws IOException {
    var socket = (SSLSocket) tls.createSocket(plain, host, port, true);
    var params = socket.getSSLParameters();
    params.setEndpointIdentificationAlgorithm("HTTPS");
    params.setServerNames(java.util.List.of(new SNIHostName(host)));
    params.setApplicationProtocols(new String[] {"http/1.1"});
    socket.setSSLParameters(params);
    socket.startHandshake();
    return socket;
  }

  static String origin(URI uri) {
    return uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getHost() + ":" + uri.getPort();
  }

  /** Closes the idle connections; answers being read finish and close theirs. */
  @Override
  public void close() {
    closed = true;
    watchdog.close();
    idle.values().forEach(pool -> {
      for (var c = pool.pollFirst(); c != null; c = pool.pollFirst()) {
        c.close();
      }
    });
  }
}
