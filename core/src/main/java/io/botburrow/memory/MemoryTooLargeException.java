package io.botburrow.memory;

/** A memory directory holds more than its limit; nothing of it was written. */
public final class MemoryTooLargeException extends RuntimeException {
  private final long bytes;
  private final long maxBytes;

  public MemoryTooLargeException(long bytes, long maxBytes) {
    super("memory holds " + bytes + " bytes, more than its limit of " + maxBytes + " bytes");
    this.bytes = bytes;
    this.maxBytes = maxBytes;
  }

  public long bytes() {
    return bytes;
  }

  public long maxBytes() {
    return maxBytes;
  }
}
