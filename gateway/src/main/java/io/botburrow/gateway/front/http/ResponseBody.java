package io.botburrow.gateway.front.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A response's body onto the connection. Streamed bodies are chunked: writes gather in a buffer and
 * each {@link #flush()} sends them as one chunk in one write to the socket (a server-sent event is
 * one chunk, not one per write); an HTTP/1.0 caller gets them unframed and the connection closes after.
 * Sized bodies must get exactly their length. {@link #close()} ends the body and sends what is left.
 */
final class ResponseBody extends OutputStream {
  private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CRLF = {'\r', '\n'};

  enum Framing { SIZED, CHUNKED, UNTIL_CLOSE, NONE }

  private final OutputStream out;
  private final Framing framing;
  private long left;
  private byte[] pending;
  private int count;
  private boolean closed;

  /**
   * @param out the connection (buffered: the head is waiting there to go out with the first bytes)
   * @param length the sized body's length
   */
  ResponseBody(OutputStream out, Framing framing, long length) {
    this.out = out;
    this.framing = framing;
    this.left = framing == Framing.SIZED ? length : 0;
    this.pending = framing == Framing.CHUNKED || framing == Framing.UNTIL_CLOSE ? new byte[4096] : null;
  }

  /** Whether the body was ended properly: sized ones with all their bytes. */
  boolean complete() {
    return closed && left == 0;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("response body already closed");
    }
    switch (framing) {
      case NONE -> {
        // a HEAD request or a status without body: the bytes are dropped
      }
      case SIZED -> {
        if (len > left) {
          throw new IOException("response body longer than its Content-Length");
        }
        out.write(b, off, len);
        left -= len;
      }
      case CHUNKED, UNTIL_CLOSE -> {
        if (count + len > pending.length) {
          if (count > 0 && count + len > 64 * 1024) {
            sendPending(false);
          }
          if (len > pending.length - count) {
            pending = java.util.Arrays.copyOf(pending, Math.max(pending.length * 2, count + len));
          }
        }
        System.arraycopy(b, off, pending, count, len);
        count += len;
      }
    }
  }

  @Override
  public void flush() throws IOException {
    if (closed) {
      return;
    }
    sendPending(false);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    sendPending(true);
    closed = true;
    out.flush();
  }

  private void sendPending(boolean last) throws IOException {
    if (framing == Framing.CHUNKED) {
      if (count > 0) {
        out.write((Integer.toHexString(count) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(pending, 0, count);
        out.write(CRLF);
      }
      if (last) {
        out.write(LAST_CHUNK);
      }
    } else if (framing == Framing.UNTIL_CLOSE && count > 0) {
      out.write(pending, 0, count);
    }
    count = 0;
  }
}
