package io.botburrow.runner.sandbox.docker;

/**
 * Memory limit with swap disabled (memory-swap = memory): without that, Docker grants as much swap
 * again and a memory hog crawls instead of being OOM-killed.
 */
public record MemoryLimit(long bytes) implements ContainerDecorator {
  public MemoryLimit {
    if (bytes <= 0) {
      throw new IllegalArgumentException("memory bytes must be > 0, was " + bytes);
    }
  }

  @Override
  public void decorate(ContainerSpec.Builder spec) {
    spec.memoryBytes(bytes).memorySwapBytes(bytes);
  }
}
