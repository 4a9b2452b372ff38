package io.botburrow.runner.sandbox;

/**
 * Resource limits of one sandbox container.
 *
 * @param cpus CPU share, e.g. 1.0 = one core
 * @param memoryBytes memory limit; swap is disabled (memory-swap = memory)
 * @param pidsLimit maximum number of processes and threads, which stops fork bombs
 * @param tmpfsBytes size of each in-memory filesystem ({@code /tmp} and {@code /workspace}): the
 *     root filesystem is read-only, so this caps the disk an agent can fill
 */
public record SandboxLimits(double cpus, long memoryBytes, long pidsLimit, long tmpfsBytes) {
  public static final double DEFAULT_CPUS = 1.0;
  public static final long DEFAULT_MEMORY_BYTES = 512L * 1024 * 1024;
  public static final long DEFAULT_PIDS_LIMIT = 128;
  public static final long DEFAULT_TMPFS_BYTES = 256L * 1024 * 1024;
  private static final long MIN_MEMORY_BYTES = 6L * 1024 * 1024;

  public SandboxLimits {
    if (!(cpus > 0) || cpus > 64) {
      throw new IllegalArgumentException("cpus must be in (0, 64], was " + cpus);
    }
    if (memoryBytes < MIN_MEMORY_BYTES) {
      throw new IllegalArgumentException("memoryBytes must be >= 6 MiB (Docker's minimum), was " + memoryBytes);
    }
    if (pidsLimit < 8) {
      throw new IllegalArgumentException("pidsLimit must be >= 8, was " + pidsLimit);
    }
    if (tmpfsBytes < 1024 * 1024) {
      throw new IllegalArgumentException("tmpfsBytes must be >= 1 MiB, was " + tmpfsBytes);
    }
  }

  public static SandboxLimits defaults() {
    return new SandboxLimits(DEFAULT_CPUS, DEFAULT_MEMORY_BYTES, DEFAULT_PIDS_LIMIT, DEFAULT_TMPFS_BYTES);
  }
}
