package io.botburrow.gateway.front.http;

import io.botburrow.gateway.net.SocketWatchdog;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server over blocking sockets: one pooled platform thread per connection reads a
 * request, runs the handler on that same thread and writes the response, then waits for the
 * connection's next request. No selector, no hand-off between threads, and no switching a socket
 * between blocking and non-blocking per request; deadlines are kept by a {@link SocketWatchdog}.
 * Keep-alive, chunked request and response bodies, {@code Expect: 100-continue}, HEAD and HTTP/1.0
 * callers are handled; a connection idle for {@code idleTimeout} is closed. Thread-safe.
 */
public final class Http1Server implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Http1Server.class);

  /** Runs one exchange; an exception ends the connection (after a 500 when nothing was sent yet). */
  @FunctionalInterface
  public interface Handler {
    void handle(Http1Exchange exchange) throws IOException;
  }

  private final Handler handler;
  private final String name;
  private final Semaphore slots;
  private final long idleNanos;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final SocketWatchdog watchdog;
  private ServerSocket listener;
  private ExecutorService connections;
  private volatile boolean closed;

  /**
   * @param maxConnections connections served at once; more are answered 503 and closed
   * @param idleTimeout how long a connection may wait for its next request, or a read or write may
   *     wait within one
   */
  public Http1Server(Handler handler, String name, int maxConnections, Duration idleTimeout) {
    this.handler = handler;
    this.name = name;
    this.slots = new Semaphore(maxConnections);
    this.idleNanos = idleTimeout.toNanos();
    this.watchdog = new SocketWatchdog(name + "-deadlines");
  }

  /** Binds {@code host:port} (0 picks a free port) and accepts connections. */
  public synchronized Http1Server start(String host, int port) {
    try {
      listener = new ServerSocket();
      listener.setReuseAddress(true);
      listener.bind(new InetSocketAddress(host, port), 256);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind " + host + ":" + port, e);
    }
    connections = Executors.newCachedThreadPool(Thread.ofPlatform().name(name + "-", 0).daemon(true).factory());
    Thread.ofPlatform().name(name + "-accept").daemon(true).start(this::acceptLoop);
    return this;
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) listener.getLocalSocketAddress();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("HTTP server {} stopped accepting: {}", name, e.toString());
        }
        return;
      }
      if (!slots.tryAcquire()) {
        refuse(socket);
        continue;
      }
      open.add(socket);
      try {
        connections.execute(() -> serve(socket));
      } catch (RuntimeException e) {
        // the server is closing
        open.remove(socket);
        slots.release();
        closeQuietly(socket);
      }
    }
  }

  private void refuse(Socket socket) {
    try (socket) {
      socket.getOutputStream().write(("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close"
          + "\r\nRetry-After: 1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      // the client is gone already
    }
  }

  private void serve(Socket socket) {
    var guard = watchdog.watch(socket);
    try {
      socket.setTcpNoDelay(true);
      var in = new ConnectionInput(guard.input(socket.getInputStream(), () -> idleNanos), 16 * 1024);
      var out = new BufferedOutputStream(guard.output(socket.getOutputStream(), () -> idleNanos), 16 * 1024);
      var scratch = new byte[RequestHead.MAX_LINE];
      while (!closed) {
        Http1Exchange exchange;
        try {
          var head = RequestHead.read(in, scratch);
          if (head == null) {
            return;
          }
          exchange = new Http1Exchange(head, in, out);
        } catch (RequestHead.BadRequest e) {
          LOG.debug("HTTP server {} refused a request: {}", name, e.getMessage());
          out.write(("HTTP/1.1 " + e.status + " " + Reasons.of(e.status) + "\r\nContent-Length: 0\r\nConnection: close"
              + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          out.flush();
          return;
        }
        if (!run(exchange)) {
          return;
        }
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("HTTP server {} connection ended: {}", name, e.toString());
    } finally {
      guard.release();
      open.remove(socket);
      closeQuietly(socket);
      slots.release();
    }
  }

  /** Runs the handler; whether the connection can serve another request. */
  private boolean run(Http1Exchange exchange) throws IOException {
    try {
      handler.handle(exchange);
    } catch (RuntimeException e) {
      LOG.warn("HTTP server {} handler failed on {} {}", name, exchange.method(), exchange.path(), e);
      if (!exchange.headersSent()) {
        exchange.sendHeaders(500, -1);
        exchange.close();
      }
      return false;
    }
    exchange.close();
    return exchange.reusable();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // best effort
    }
  }

  /** Stops accepting and closes every connection; requests in flight fail on their next read or write. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (listener != null) {
        listener.close();
      }
    } catch (IOException e) {
      // best effort
    }
    open.forEach(Http1Server::closeQuietly);
    if (connections != null) {
      connections.shutdownNow();
    }
    watchdog.close();
  }
}
