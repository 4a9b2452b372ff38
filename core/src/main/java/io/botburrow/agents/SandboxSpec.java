package io.botburrow.agents;

/**
 * Container limits for the agent's sandbox: the runtime extension block {@code sandbox:} in
 * config.yaml. The defaults apply also when the block is absent.
 *
 * <pre>
 * sandbox:
 *   image: botburrow/agent-sandbox:latest
 *   cpus: 1.0
 *   memory: 512m        # docker-style size
 *   pids_limit: 128
 *   tmpfs_size: 64m     # size of the writable /tmp
 *   timeout_seconds: 300
 * </pre>
 *
 * @param image container image, default {@value #DEFAULT_IMAGE}
 * @param cpus CPU share, more than 0 and at most 64, default 1.0
 * @param memoryBytes memory limit, at least 6 MiB (docker's minimum), default 512 MiB
 * @param pidsLimit process limit, at least 1, default 128
 * @param tmpfsBytes size of the tmpfs, at least 0 (none), default 64 MiB
 * @param timeoutSeconds wall-clock limit of one activation, 1 to 86400, default 300
 */
public record SandboxSpec(
    String image, double cpus, long memoryBytes, long pidsLimit, long tmpfsBytes, int timeoutSeconds) {

  public static final String DEFAULT_IMAGE = "botburrow/agent-sandbox:latest";
  public static final double DEFAULT_CPUS = 1.0;
  public static final long DEFAULT_MEMORY_BYTES = 512L * 1024 * 1024;
  public static final long DEFAULT_PIDS_LIMIT = 128;
  public static final long DEFAULT_TMPFS_BYTES = 64L * 1024 * 1024;
  public static final int DEFAULT_TIMEOUT_SECONDS = 300;
  private static final long MIN_MEMORY_BYTES = 6L * 1024 * 1024;

  public SandboxSpec {
    image = image == null || image.isBlank() ? DEFAULT_IMAGE : image;
    if (!(cpus > 0 && cpus <= 64)) {
      throw new IllegalArgumentException("cpus: must be more than 0 and at most 64, was " + cpus);
    }
    Checks.atLeast("memory", memoryBytes, MIN_MEMORY_BYTES);
    Checks.atLeast("pids_limit", pidsLimit, 1);
    Checks.atLeast("tmpfs_size", tmpfsBytes, 0);
    Checks.range("timeout_seconds", timeoutSeconds, 1, 86_400);
  }

  public static SandboxSpec defaults() {
    return new SandboxSpec(
        DEFAULT_IMAGE, DEFAULT_CPUS, DEFAULT_MEMORY_BYTES, DEFAULT_PIDS_LIMIT, DEFAULT_TMPFS_BYTES, DEFAULT_TIMEOUT_SECONDS);
  }

  public SandboxSpec withImage(String newImage) {
    return new SandboxSpec(newImage, cpus, memoryBytes, pidsLimit, tmpfsBytes, timeoutSeconds);
  }

  public SandboxSpec withMemoryBytes(long newMemoryBytes) {
    return new SandboxSpec(image, cpus, newMemoryBytes, pidsLimit, tmpfsBytes, timeoutSeconds);
  }

  public SandboxSpec withTimeoutSeconds(int newTimeoutSeconds) {
    return new SandboxSpec(image, cpus, memoryBytes, pidsLimit, tmpfsBytes, newTimeoutSeconds);
  }
}
