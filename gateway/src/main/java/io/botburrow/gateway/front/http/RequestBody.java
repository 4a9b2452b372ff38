package io.botburrow.gateway.front.http;

import io.botburrow.gateway.net.ChunkedCoding;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request's body: {@code Content-Length} bytes, or chunked, decoded; ends where the body ends and
 * never reads into the next request. Before the first byte is read, {@code beforeFirstRead} runs (the
 * {@code 100 Continue} a client may wait for).
 */
final class RequestBody extends InputStream {
  private final InputStream in;
  private final boolean chunked;
  private final Runnable beforeFirstRead;
  private long left;
  private boolean done;
  private boolean touched;
  private boolean chunkSeen;

  /** @param length -1 for chunked, else the body's length */
  RequestBody(InputStream in, long length, Runnable beforeFirstRead) {
    this.in = in;
    this.chunked = length < 0;
    this.left = chunked ? 0 : length;
    this.done = !chunked && length == 0;
    this.beforeFirstRead = beforeFirstRead;
  }

  /** Whether the body was read to its end (the connection is at the next request). */
  boolean finished() {
    return done;
  }

  /** Whether anything asked for the body yet. */
  boolean touched() {
    return touched;
  }

  @Override
  public int read() throws IOException {
    var one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (!touched) {
      touched = true;
      beforeFirstRead.run();
    }
    if (done) {
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    if (chunked && left == 0 && !nextChunk()) {
      return -1;
    }
    int n = in.read(b, off, (int) Math.min(len, left));
    if (n < 0) {
      throw new EOFException("connection closed in the middle of the request body");
    }
    left -= n;
    if (left == 0 && !chunked) {
      done = true;
    }
    return n;
  }

  /** Reads and drops what is left, up to {@code max} bytes; whether the body ended within them. */
  boolean skipRest(long max) throws IOException {
    var sink = new byte[8192];
    long skipped = 0;
    while (!done && skipped <= max) {
      int n = read(sink, 0, sink.length);
      if (n < 0) {
        break;
      }
      skipped += n;
    }
    return done;
  }

  private boolean nextChunk() throws IOException {
    long size = ChunkedCoding.nextChunkSize(in, chunkSeen, "request body");
    chunkSeen = true;
    if (size == 0) {
      done = true;
      return false;
    }
    left = size;
    return true;
  }
}
