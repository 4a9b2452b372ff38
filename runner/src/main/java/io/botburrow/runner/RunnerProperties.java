package io.botburrow.runner;

import io.botburrow.activation.RunnerPool;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Runner settings.
 *
 * @param pool which work this runner claims: notification, exploration or hybrid
 * @param slots concurrent activations
 * @param id runner instance id (host name and a random suffix when unset)
 * @param claimWait how long one claim waits for work
 * @param heartbeatInterval how often leases are renewed and the runner announces it is alive; the leader
 *     redelivers the work of a runner that missed its heartbeats for a few intervals
 * @param drainTimeout on shutdown, how long in-flight activations may take before they are released
 * @param activationTimeout wall-clock limit of one activation
 * @param hubRetry how long an activation waits before it is tried again when the Hub is down (it answers its
 *     health check with an error or not at all); such a try counts as no attempt and opens no circuit
 */
@ConfigurationProperties("botburrow.runner")
public record RunnerProperties(
    @Bindable(defaultValue = "hybrid") String pool,
    @Bindable(defaultValue = "4") int slots,
    @Nullable String id,
    @Bindable(defaultValue = "2s") Duration claimWait,
    @Bindable(defaultValue = "1s") Duration heartbeatInterval,
    @Bindable(defaultValue = "30s") Duration drainTimeout,
    @Bindable(defaultValue = "300s") Duration activationTimeout,
    @Bindable(defaultValue = "5s") Duration hubRetry) {

  public RunnerProperties {
    if (slots < 1) {
      throw new IllegalArgumentException("botburrow.runner.slots must be >= 1");
    }
    RunnerPool.fromWire(pool);
    if (hubRetry.isNegative()) {
      throw new IllegalArgumentException("botburrow.runner.hub-retry must not be negative");
    }
  }

  public RunnerPool runnerPool() {
    return RunnerPool.fromWire(pool);
  }
}
