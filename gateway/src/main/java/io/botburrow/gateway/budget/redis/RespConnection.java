package io.botburrow.gateway.budget.redis;

import io.botburrow.gateway.budget.redis.RespClient.RedisErrorException;
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
import java.util.List;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One connection to a Redis server, opened (TLS, {@code AUTH}, {@code SELECT}) as {@link RespSettings} say:
 * a command out, its reply in. Used by one thread at a time.
 */
final class RespConnection {
  /** The connection broke before any byte of the reply arrived. */
  static final class StaleException extends IOException {
    StaleException(IOException cause) {
      super("Redis connection closed", cause);
    }
  }

  private final Socket socket;
  private final SocketWatchdog.Guard guard;
  private final InputStream in;
  private final OutputStream out;
  private final ReplyReader replies;
  /** Where a command is framed before it is written. */
  private final CommandFrame frame = new CommandFrame();

  /** @param timeoutNanos how long a reply (and a write) may take */
  private RespConnection(Socket socket, SocketWatchdog.Guard guard, long timeoutNanos) throws IOException {
    this.socket = socket;
    this.guard = guard;
    this.in = new BufferedInputStream(guard.input(socket.getInputStream(), () -> timeoutNanos), 8192);
    this.out = new BufferedOutputStream(guard.output(socket.getOutputStream(), () -> timeoutNanos), 8192);
    this.replies = new ReplyReader(in);
  }

  /** A connection to {@code address}, its deadlines kept by {@code watchdog}, logged in and on its database. */
  static RespConnection open(InetSocketAddress address, RespSettings settings, SocketWatchdog watchdog)
      throws IOException {
    var plain = new Socket();
    var guard = watchdog.watch(plain);
    try {
      plain.setTcpNoDelay(true);
      plain.setKeepAlive(true);
      guard.begin(Math.max(1, settings.connectTimeout().toNanos()));
      try {
        plain.connect(new InetSocketAddress(address.getHostString(), address.getPort()));
      } catch (IOException e) {
        throw guard.translate(e, "connect");
      } finally {
        guard.end();
      }
      Socket socket = settings.tls() ? secure(plain, address) : plain;
      var connection = new RespConnection(socket, guard, Math.max(1, settings.timeout().toNanos()));
      connection.login(settings);
      return connection;
    } catch (IOException | RuntimeException e) {
      guard.release();
      plain.close();
      throw e;
    }
  }

  private static Socket secure(Socket plain, InetSocketAddress address) throws IOException {
    var secure = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
        .createSocket(plain, address.getHostString(), address.getPort(), true);
    var params = secure.getSSLParameters();
    params.setEndpointIdentificationAlgorithm("HTTPS");
    secure.setSSLParameters(params);
    return secure;
  }

  private void login(RespSettings settings) throws IOException {
    if (settings.password() != null) {
      check(call(settings.user() == null ? List.of("AUTH", settings.password())
          : List.of("AUTH", settings.user(), settings.password())));
    }
    if (settings.database() != 0) {
      check(call(List.of("SELECT", Integer.toString(settings.database()))));
    }
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
    return replies.reply(first);
  }

  void check(Object reply) throws IOException {
    if (reply instanceof RedisErrorException error) {
      throw error;
    }
  }

  /** The command, framed in {@link #frame}, goes out in one write. */
  private void write(List<String> command) throws IOException {
    frame.frame(command);
    frame.writeTo(out);
    out.flush();
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
