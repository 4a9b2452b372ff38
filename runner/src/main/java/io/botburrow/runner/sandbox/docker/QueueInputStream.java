package io.botburrow.runner.sandbox.docker;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A container's stdin (an MCP sidecar's, a sandbox's command channel) as seen by docker-java:
 * messages written by any thread are queued and read by the attach's copier. Unlike a {@code PipedInputStream} it survives the writing thread ending, and
 * queues what is written before the attach is established.
 */
public final class QueueInputStream extends InputStream {
  private static final byte[] END = new byte[0];
  private final BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
  private byte[] current;
  private int position;
  private volatile boolean closed;

  /** Queues a copy of {@code bytes}. */
  public void write(byte[] bytes) throws IOException {
    if (closed) {
      throw new IOException("stdin is closed");
    }
    queue.add(bytes.clone());
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  /** Blocks for the first byte, then returns what is available without blocking. */
  @Override
  public synchronized int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!fillCurrent()) {
      return -1;
    }
    int n = Math.min(length, current.length - position);
    System.arraycopy(current, position, target, offset, n);
    position += n;
    return n;
  }

  private boolean fillCurrent() throws IOException {
    while (current == null || position == current.length) {
      if (current == END) {
        return false;
      }
      try {
        current = queue.take();
        position = 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for stdin", e);
      }
    }
    return true;
  }

  @Override
  public int available() {
    return current == null || current == END ? 0 : current.length - position;
  }

  /** Ends the stream: the reader sees end-of-file after what was already queued. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      queue.add(END);
    }
  }
}
