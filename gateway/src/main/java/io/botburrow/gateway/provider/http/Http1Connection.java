package io.botburrow.gateway.provider.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import io.botburrow.gateway.net.SocketWatchdog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One kept-alive HTTP/1.1 connection: writes a request, reads the head of its answer. One exchange at a time. */
final class Http1Connection {
  private static final int MAX_HEAD_LINE = 64 * 1024;
  private static final int MAX_HEADERS = 200;
  /** More than this left of an earlier answer, and the connection is not worth keeping. */
  private static final int MAX_LEFTOVER = 64 * 1024;

  /** The connection was closed by the server before this request got any answer: safe to send again. */
  static final class StaleConnectionException extends IOException {
    StaleConnectionException(IOException cause) {
      super("connection closed by the server before it answered", cause);
    }
  }

  private final String origin;
  private final Socket socket;
  private final SocketWatchdog.Guard guard;
  private final InputStream in;
  private final OutputStream out;
  private int exchanges;
  /** How long a read may wait (0: no limit); the watchdog enforces it. */
  private volatile long readTimeoutNanos;
  private InputStream leftover;
  private volatile Instant idleSince = Instant.EPOCH;

  Http1Connection(String origin, Socket socket, SocketWatchdog.Guard guard) throws IOException {
    this.origin = origin;
    this.socket = socket;
    this.guard = guard;
    this.in = new BufferedInputStream(guard.input(socket.getInputStream(), () -> readTimeoutNanos), 16 * 1024);
    this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
  }

  String origin() {
    return origin;
  }

  Instant idleSince() {
    return idleSince;
  }

  void idleSince(Instant at) {
    idleSince = at;
  }

  boolean isOpen() {
    return !socket.isClosed() && !socket.isInputShutdown() && !socket.isOutputShutdown();
  }

  /** What an earlier answer left unread, to read before the next exchange. */
  void leftover(InputStream body) {
    leftover = body;
  }

  /**
   * Reads what an earlier answer left (a stream's last chunk, there by now): whether the connection is
   * clean for the next exchange. Blocks up to {@code timeout}; a connection that is not is closed.
   */
  boolean finishLeftover(Duration timeout) {
    var rest = leftover;
    if (rest == null) {
      return true;
    }
    leftover = null;
    readTimeout(timeout);
    try {
      var sink = new byte[1024];
      long total = 0;
      for (int n = rest.read(sink); n >= 0; n = rest.read(sink)) {
        total += n;
        if (total > MAX_LEFTOVER) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  void readTimeout(Duration timeout) {
    readTimeoutNanos = timeout.isZero() ? 0 : Math.max(1, timeout.toNanos());
  }

  Http1Response exchange(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout,
      Http1Client owner) throws IOException {
    boolean reused = exchanges++ > 0;
    readTimeout(timeout);
    int first;
    try {
      out.write(head(method, uri, headers, body.length));
      out.write(body);
      out.flush();
      first = in.read();
      if (first < 0) {
        throw new EOFException("connection closed before the answer");
      }
    } catch (EOFException | SocketException e) {
      if (reused) {
        throw new StaleConnectionException(e);
      }
      throw e;
    }
    var status = readHead(first);
    while (status.code() >= 100 && status.code() < 200) {
      int next = in.read();
      if (next < 0) {
        throw new EOFException("connection closed after an interim answer");
      }
      status = readHead(next);
    }
    return new Http1Response(this, owner, method, status.code(), status.http10(), status.headers());
  }

  InputStream in() {
    return in;
  }

  void close() {
    guard.release();
    try {
      socket.close();
    } catch (IOException e) {
      // closing is best effort
    }
  }

  private static byte[] head(String method, URI uri, Map<String, String> headers, int length) {
    var target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      target += "?" + uri.getRawQuery();
    }
    var head = new StringBuilder(256).append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: ")
        .append(uri.getHost());
    if (uri.getPort() > 0) {
      head.append(':').append(uri.getPort());
    }
    head.append("\r\n");
    headers.forEach((name, value) -> {
      if (name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("header " + name + " contains a line break");
      }
      head.append(name).append(": ").append(value).append("\r\n");
    });
    head.append("Content-Length: ").append(length).append("\r\n\r\n");
    return head.toString().getBytes(StandardCharsets.UTF_8);
  }

  private record Head(int code, boolean http10, Map<String, List<String>> headers) {}

  private Head readHead(int first) throws IOException {
    var statusLine = line(first);
    if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
      throw new IOException("not an HTTP/1.1 answer: " + abbreviate(statusLine));
    }
    int code;
    try {
      code = Integer.parseInt(statusLine.substring(9, 12));
    } catch (NumberFormatException e) {
      throw new IOException("bad status line: " + abbreviate(statusLine), e);
    }
    var headers = new LinkedHashMap<String, List<String>>();
    for (int i = 0; ; i++) {
      var line = line(in.read());
      if (line.isEmpty()) {
        break;
      }
      if (i >= MAX_HEADERS) {
        throw new IOException("too many headers");
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), n -> new ArrayList<>(1))
            .add(line.substring(colon + 1).trim());
      }
    }
    return new Head(code, statusLine.startsWith("HTTP/1.0"), headers);
  }

  /** One line of the head, {@code first} its first byte (-1: end of stream), without CR LF. */
  private String line(int first) throws IOException {
    var bytes = new ByteArrayOutputStream(128);
    for (int b = first; b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("connection closed in the middle of the answer's head");
      }
      if (bytes.size() >= MAX_HEAD_LINE) {
        throw new IOException("answer head line too long");
      }
      bytes.write(b);
    }
    var line = bytes.toString(StandardCharsets.ISO_8859_1);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private static String abbreviate(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }
}
