package io.botburrow.runner.sandbox.docker;

import io.botburrow.runner.sandbox.SandboxLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the Docker sandbox adapter.
 *
 * @param runnerId this runner's id, written on every container so a reaper can tell whose it is
 * @param user the non-root uid:gid commands run as
 * @param keepAlive the idle main process of a sandbox container
 * @param warmPool warm containers to keep ready, per image
 * @param poolLimits limits of warm containers; only requests with exactly these limits get one
 * @param poolContainerTtl how long a warm container may wait unused before the reaper may remove it
 *     (counted again from hand-out: an activation must end well before)
 * @param stdioCommands give each sandbox a stdio command channel ({@link StdioCommandServer}); without
 *     it every command goes through {@code docker exec}
 * @param attachRoot where each container gets a host directory of its own, bind-mounted before it
 *     starts ({@link io.botburrow.runner.sandbox.Sandbox#attachments()}): the gateway sockets and memory
 *     an activation brings to a warm container. The Docker engine must see it at the same path. Null:
 *     no such directories
 */
public record DockerSandboxConfig(
    String runnerId,
    NonRootUser user,
    List<String> keepAlive,
    Map<String, Integer> warmPool,
    SandboxLimits poolLimits,
    Duration poolContainerTtl,
    boolean stdioCommands,
    Path attachRoot) {

  public static final Duration DEFAULT_POOL_CONTAINER_TTL = Duration.ofHours(2);

  public DockerSandboxConfig {
    Objects.requireNonNull(runnerId, "runnerId");
    if (!runnerId.matches("[A-Za-z0-9_.-]{1,128}")) {
      throw new IllegalArgumentException("runnerId must match [A-Za-z0-9_.-]{1,128}: " + runnerId);
    }
    Objects.requireNonNull(user, "user");
    keepAlive = List.copyOf(keepAlive);
    warmPool = Map.copyOf(warmPool);
    warmPool.forEach((image, size) -> {
      if (size < 0 || size > 64) {
        throw new IllegalArgumentException("warm pool size of " + image + " must be in [0, 64], was " + size);
      }
    });
    Objects.requireNonNull(poolLimits, "poolLimits");
    Objects.requireNonNull(poolContainerTtl, "poolContainerTtl");
  }

  /**
   * No warm pool, default limits, the stdio command channel, {@code sleep 2147483647} as the
   * keep-alive (works with busybox and coreutils).
   */
  public static DockerSandboxConfig defaults(String runnerId) {
    return new DockerSandboxConfig(runnerId, NonRootUser.standard(), KeepAlive.SLEEP_LONG, Map.of(),
        SandboxLimits.defaults(), DEFAULT_POOL_CONTAINER_TTL, true, null);
  }

  public DockerSandboxConfig withWarmPool(Map<String, Integer> pool) {
    return new DockerSandboxConfig(runnerId, user, keepAlive, pool, poolLimits, poolContainerTtl, stdioCommands, attachRoot);
  }

  public DockerSandboxConfig withPoolLimits(SandboxLimits limits) {
    return new DockerSandboxConfig(runnerId, user, keepAlive, warmPool, limits, poolContainerTtl, stdioCommands, attachRoot);
  }

  public DockerSandboxConfig withStdioCommands(boolean enabled) {
    return new DockerSandboxConfig(runnerId, user, keepAlive, warmPool, poolLimits, poolContainerTtl, enabled, attachRoot);
  }

  public DockerSandboxConfig withAttachRoot(Path root) {
    return new DockerSandboxConfig(runnerId, user, keepAlive, warmPool, poolLimits, poolContainerTtl, stdioCommands, root);
  }

  /**
   * Whether a warm container made with the pool's limits may serve {@code requested}: the same CPU,
   * memory and process limits, and a workspace at least as large.
   */
  public boolean poolFits(SandboxLimits requested) {
    return requested.equals(poolLimits) || (requested.cpus() == poolLimits.cpus()
        && requested.memoryBytes() == poolLimits.memoryBytes() && requested.pidsLimit() == poolLimits.pidsLimit()
        && requested.tmpfsBytes() <= poolLimits.tmpfsBytes());
  }
}
