package io.botburrow.gateway.provider.http;

import io.botburrow.gateway.net.ChunkedCoding;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An answer being read: status, headers and the body as a stream (chunked or sized bodies decoded).
 * Closing it returns the connection to its pool when the body was read to its end and the server keeps
 * connections alive; otherwise the connection is closed. Not thread-safe: one reader.
 */
public final class Http1Response implements AutoCloseable {
  private final Http1Connection connection;
  private final Http1Client owner;
  private final int status;
  private final Map<String, List<String>> headers;
  private final Body body;
  private final boolean keepAlive;
  private boolean closed;
  private boolean finishLater;

  Http1Response(Http1Connection connection, Http1Client owner, String method, int status, boolean http10,
      Map<String, List<String>> headers) {
    this.connection = connection;
    this.owner = owner;
    this.status = status;
    this.headers = headers;
    var connectionHeader = first("connection").orElse("");
    var chunked = first("transfer-encoding").map(v -> v.toLowerCase(java.util.Locale.ROOT).contains("chunked"))
        .orElse(false);
    var length = first("content-length").map(Http1Response::length);
    boolean empty = "HEAD".equals(method) || status == 204 || status == 304;
    this.body = empty ? new Body(connection.in(), 0, false) : chunked ? new Body(connection.in(), -1, true)
        : length.isPresent() ? new Body(connection.in(), length.get(), false) : new Body(connection.in(), -1, false);
    this.keepAlive = !http10 && !"close".equalsIgnoreCase(connectionHeader) && (empty || chunked || length.isPresent());
  }

  public int status() {
    return status;
  }

  /** The first value of header {@code name} (any case). */
  public Optional<String> first(String name) {
    var values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The body, decoded from its transfer encoding; ends where the answer ends. */
  public InputStream body() {
    return body;
  }

  /** The body as text (UTF-8), read to its end. */
  public String bodyText() throws IOException {
    return new String(body.readAllBytes(), StandardCharsets.UTF_8);
  }

  /** From now on, a read that waits longer than {@code timeout} for the next byte fails (zero: no limit). */
  public void readTimeout(Duration timeout) throws SocketException {
    connection.readTimeout(timeout);
  }

  /**
   * The caller has what it needs: what is left of the body (the end of a stream after its closing
   * event) is read when the connection is next taken from the pool, not now.
   */
  public void finishLater() {
    finishLater = true;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (keepAlive && body.finished()) {
      owner.release(connection);
    } else if (keepAlive && finishLater) {
      connection.leftover(body);
      owner.release(connection);
    } else {
      connection.close();
    }
  }

  private static long length(String value) {
    try {
      long length = Long.parseLong(value.trim());
      if (length < 0) {
        throw new NumberFormatException();
      }
      return length;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad Content-Length: " + value);
    }
  }

  /** A body of a known length, chunked, or read until the connection closes (length -1, not chunked). */
  private static final class Body extends InputStream {
    private final InputStream in;
    private final boolean chunked;
    private long left;
    private boolean done;
    private boolean chunkSeen;

    Body(InputStream in, long length, boolean chunked) {
      this.in = in;
      this.chunked = chunked;
      this.left = chunked ? 0 : length;
      this.done = !chunked && length == 0;
    }

    boolean finished() {
      return done;
    }

    @Override
    public int read() throws IOException {
      var one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (done) {
        return -1;
      }
      if (length == 0) {
        return 0;
      }
      if (chunked && left == 0 && !nextChunk()) {
        return -1;
      }
      int want = left < 0 ? length : (int) Math.min(length, left);
      int n = in.read(buffer, offset, want);
      if (n < 0) {
        if (left < 0) {
          done = true;
          return -1;
        }
        throw new EOFException("connection closed in the middle of the answer's body");
      }
      if (left > 0) {
        left -= n;
        if (left == 0 && !chunked) {
          done = true;
        }
      }
      return n;
    }

    /** Bytes readable without blocking: what the connection has buffered of the current piece. */
    @Override
    public int available() throws IOException {
      if (done || (chunked && left == 0)) {
        return 0;
      }
      int buffered = in.available();
      return left < 0 ? buffered : (int) Math.min(buffered, left);
    }

    private boolean nextChunk() throws IOException {
      long size = ChunkedCoding.nextChunkSize(in, chunkSeen, "answer's body");
      chunkSeen = true;
      if (size == 0) {
        done = true;
        return false;
      }
      left = size;
      return true;
    }
  }
}
