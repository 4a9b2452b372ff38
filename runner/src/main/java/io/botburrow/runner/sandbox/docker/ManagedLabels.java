package io.botburrow.runner.sandbox.docker;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Labels that name a container's owner and expiry, so that {@link SandboxReaper} can find and remove
 * what a crashed runner left behind. Docker labels cannot change after creation.
 */
public record ManagedLabels(Map<String, String> labels) implements ContainerDecorator {
  public static final String MANAGED = "io.botburrow.managed";
  public static final String ACTIVATION = "io.botburrow.activation";
  public static final String AGENT = "io.botburrow.agent";
  public static final String RUNNER = "io.botburrow.runner";
  public static final String EXPIRES_AT = "io.botburrow.expires-at";
  /** {@code sandbox}, {@code sidecar} or {@code pool} (a warm container nobody owns yet). */
  public static final String ROLE = "io.botburrow.role";

  public static final String ROLE_SANDBOX = "sandbox";
  public static final String ROLE_SIDECAR = "sidecar";
  public static final String ROLE_POOL = "pool";
  /** Pool containers have no activation yet. */
  public static final String NO_ACTIVATION = "-";

  public ManagedLabels {
    labels = Map.copyOf(labels);
  }

  public static ManagedLabels of(
      String role, String activationId, String agent, String runnerId, Instant expiresAt) {
    Objects.requireNonNull(expiresAt, "expiresAt");
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MANAGED, "true");
    labels.put(ROLE, Objects.requireNonNull(role, "role"));
    labels.put(ACTIVATION, Objects.requireNonNull(activationId, "activationId"));
    labels.put(AGENT, Objects.requireNonNull(agent, "agent"));
    labels.put(RUNNER, Objects.requireNonNull(runnerId, "runnerId"));
    labels.put(EXPIRES_AT, expiresAt.toString());
    return new ManagedLabels(labels);
  }

  @Override
  public void decorate(ContainerSpec.Builder spec) {
    labels.forEach(spec::label);
  }
}
