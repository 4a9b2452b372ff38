package io.botburrow.runner.executor.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards every connection made to a unix socket to a TCP address on this host's loopback, byte for
 * byte: the JDK's HTTP server cannot listen on a unix socket, and a network-less sandbox can reach
 * nothing else. One virtual thread per direction per connection.
 */
final class UnixSocketProxy implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UnixSocketProxy.class);
  private final Path socket;
  private final InetSocketAddress target;
  private final ServerSocketChannel server;
  private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * Binds {@code socket} (readable and writable by any user: the sandbox's user differs from the
   * runner's; the directory it is in decides who can reach it) and starts accepting.
   */
  UnixSocketProxy(Path socket, InetSocketAddress target) {
    this.socket = socket;
    this.target = target;
    try {
      Files.deleteIfExists(socket);
      server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(socket));
      Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + socket, e);
    }
    Thread.ofVirtual().name("gateway-socket-accept").start(this::accept);
  }

  Path socket() {
    return socket;
  }

  private void accept() {
    while (!closed) {
      try {
        SocketChannel client = server.accept();
        open.add(client);
        Thread.ofVirtual().name("gateway-socket-conn").start(() -> serve(client));
      } catch (IOException e) {
        if (!closed) {
          LOG.debug("Gateway socket {} stopped accepting: {}", socket, e.toString());
        }
        return;
      }
    }
  }

  private void serve(SocketChannel client) {
    try (client; SocketChannel upstream = SocketChannel.open(target)) {
      open.add(upstream);
      Thread up = Thread.ofVirtual().start(() -> pump(client, upstream));
      pump(upstream, client);
      up.join();
      open.remove(upstream);
    } catch (IOException e) {
      LOG.debug("Gateway socket connection ended: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(client);
    }
  }

  /** Copies until {@code from} ends, then half-closes {@code to} so the other side sees the end too. */
  private static void pump(SocketChannel from, SocketChannel to) {
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    try {
      while (from.read(buffer) >= 0) {
        buffer.flip();
        while (buffer.hasRemaining()) {
          to.write(buffer);
        }
        buffer.clear();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      try {
        to.close();
        from.close();
      } catch (IOException ignored) {
        // both ends are going away
      }
    }
  }

  /** Stops accepting, cuts open connections and removes the socket file. Idempotent. */
  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      LOG.debug("Gateway socket {} close failed: {}", socket, e.toString());
    }
    for (SocketChannel channel : open) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    open.clear();
    try {
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      LOG.debug("Gateway socket {} not removed: {}", socket, e.toString());
    }
  }
}
