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

  /** Told after a call was served and its budgets settled. */
  default void served(Caller caller, DeploymentChain.Served served) {}
}
