package io.botburrow.runner.mcp;

import java.time.Instant;
import java.util.Objects;

/**
 * The activation a sidecar belongs to.
 *
 * @param activationId labels the container
 * @param agent labels the container
 * @param expiresAt after this the reaper may remove the container
 * @param workspaceId the sandbox's workspace ({@code Sandbox.workspaceId()}), for servers that mount it
 */
public record SidecarContext(String activationId, String agent, Instant expiresAt, String workspaceId) {
  public SidecarContext {
    Objects.requireNonNull(activationId, "activationId");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
