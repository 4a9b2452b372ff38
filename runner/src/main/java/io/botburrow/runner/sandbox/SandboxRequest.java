package io.botburrow.runner.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an activation asks of its sandbox.
 *
 * @param activationId the activation it belongs to (a label on the container and its workspace)
 * @param agent the agent name
 * @param image the container image, e.g. {@code botburrow/agent-sandbox:latest}
 * @param limits CPU, memory, pids and tmpfs limits
 * @param expiresAt after this instant the reaper may remove it even if the runner is alive
 * @param env environment of the container's processes (a CLI executor's gateway address and
 *     activation token; never a provider key or other credential)
 * @param hostDirectories host directories mounted read-only (the gateway socket's directory)
 */
public record SandboxRequest(
    String activationId, String agent, String image, SandboxLimits limits, Instant expiresAt,
    Map<String, String> env, List<HostDirectory> hostDirectories) {

  public SandboxRequest {
    requireText(activationId, "activationId");
    requireText(agent, "agent");
    requireText(image, "image");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(expiresAt, "expiresAt");
    env = env == null ? Map.of() : Map.copyOf(env);
    hostDirectories = hostDirectories == null ? List.of() : List.copyOf(hostDirectories);
  }

  public SandboxRequest(String activationId, String agent, String image, SandboxLimits limits, Instant expiresAt) {
    this(activationId, agent, image, limits, expiresAt, Map.of(), List.of());
  }

  /** True when only a container made for this request fits it (a warm one has no env or mounts). */
  public boolean custom() {
    return !env.isEmpty() || !hostDirectories.isEmpty();
  }

  /** Env values may be tokens: only their names are shown. */
  @Override
  public String toString() {
    return "SandboxRequest[activationId=" + activationId + ", agent=" + agent + ", image=" + image + ", limits=" + limits
        + ", expiresAt=" + expiresAt + ", env=" + env.keySet() + ", hostDirectories=" + hostDirectories + "]";
  }

  /** A host directory mounted read-only at {@code containerPath}. */
  public record HostDirectory(String hostPath, String containerPath) {
    public HostDirectory {
      requireText(hostPath, "hostPath");
      requireText(containerPath, "containerPath");
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
