package io.botburrow.runner.sandbox.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Collects one output stream up to a cap, counting what it drops, so a chatty command cannot fill
 * the runner's memory or the model's context. Thread-safe.
 */
public final class CappedOutput {
  private final int capBytes;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private long totalBytes;

  public CappedOutput(int capBytes) {
    if (capBytes < 0) {
      throw new IllegalArgumentException("capBytes must be >= 0, was " + capBytes);
    }
    this.capBytes = capBytes;
  }

  /** Copies (the caller may reuse {@code data}) at most what still fits under the cap. */
  public synchronized void append(byte[] data) {
    int room = capBytes - kept.size();
    if (room > 0) {
      kept.write(data, 0, Math.min(room, data.length));
    }
    totalBytes += data.length;
  }

  public synchronized boolean truncated() {
    return totalBytes > capBytes;
  }

  public synchronized byte[] bytes() {
    return kept.toByteArray();
  }

  /** The kept text; when output was dropped it ends with {@code [output truncated after N bytes]}. */
  public synchronized String text() {
    String text = kept.toString(StandardCharsets.UTF_8);
    if (!truncated()) {
      return text;
    }
    return text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n") + marker(capBytes);
  }

  public static String marker(int capBytes) {
    return "[output truncated after " + capBytes + " bytes]";
  }
}
