package io.botburrow.runner.sandbox;

import java.time.Instant;
import java.util.Objects;

/**
 * What an activation asks of its sandbox.
 *
 * @param activationId the activation it belongs to (a label on the container and its workspace)
 * @param agent the agent name
 * @param image the container image, e.g. {@code botburrow/agent-sandbox:latest}
 * @param limits CPU, memory, pids and tmpfs limits
 * @param expiresAt after this instant the reaper may remove it even if the runner is alive
 */
public record SandboxRequest(
    String activationId, String agent, String image, SandboxLimits limits, Instant expiresAt) {

  public SandboxRequest {
    requireText(activationId, "activationId");
    requireText(agent, "agent");
    requireText(image, "image");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
