package io.botburrow.gateway.front;

import io.botburrow.gateway.auth.Caller;
import io.botburrow.gateway.routing.Deployment;
import io.botburrow.gateway.routing.DeploymentChain;
import java.util.Optional;

/**
 * What a process that embeds the HTTP front adds to it: a route for model names the gateway's own
 * routes do not know (a runner serves an activation's model on the agent's allowed endpoint), and a
 * tap on every served call (a runner counts a CLI agent's usage from the gateway's metering).
 * Implementations must be thread-safe and must not block.
 */
public interface FrontHooks {
  FrontHooks NONE = new FrontHooks() {};

  /** The deployment serving {@code model} for {@code caller} when no alias or deployment is named so. */
  default Optional<Deployment> implicit(Caller caller, String model) {
    return Optional.empty();
  }

  /** Told when a call was served, before the caller has the answer. */
  default void served(Caller caller, DeploymentChain.Served served) {}

  /** Told when a call failed or was refused (a spent budget, every deployment failing), before the caller hears. */
  default void refused(Caller caller, RuntimeException failure) {}
}
