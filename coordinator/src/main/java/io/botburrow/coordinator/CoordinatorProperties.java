package io.botburrow.coordinator;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Coordinator settings.
 *
 * @param longPollTimeout how long one Hub long-poll may wait
 * @param pollBatchSize agents per long-poll answer
 * @param fallbackPollInterval interval of {@code GET /agents?has_notifications=true} when the Hub has no long-poll
 * @param repollDelay pause before polling again when a poll brought nothing new, with a Hub that answers at
 *     once while notifications stay unread (one without long-poll cursors)
 * @param fullPollInterval how often the watcher asks for every agent with unread notifications rather than only
 *     for newer ones, so that work Redis lost or dead-lettered is enqueued again
 * @param maxBackoff longest pause after repeated Hub failures
 * @param staleCheckInterval how often the exploration schedule is checked for due agents
 * @param registrySyncInterval how often agents in the bucket are registered with the Hub (0 disables)
 * @param deadRunnerAfter a runner whose heartbeats the leader has not seen for this long (and at least
 *     three of the runner's own heartbeat intervals) counts as dead, and its work is redelivered at once
 */
@ConfigurationProperties("botburrow.coordinator")
public record CoordinatorProperties(
    @Bindable(defaultValue = "30s") Duration longPollTimeout,
    @Bindable(defaultValue = "100") int pollBatchSize,
    @Bindable(defaultValue = "2s") Duration fallbackPollInterval,
    @Bindable(defaultValue = "100ms") Duration repollDelay,
    @Bindable(defaultValue = "10s") Duration fullPollInterval,
    @Bindable(defaultValue = "30s") Duration maxBackoff,
    @Bindable(defaultValue = "5s") Duration staleCheckInterval,
    @Bindable(defaultValue = "10s") Duration registrySyncInterval,
    @Bindable(defaultValue = "5s") Duration deadRunnerAfter) {

  public CoordinatorProperties {
    if (deadRunnerAfter == null || deadRunnerAfter.isNegative() || deadRunnerAfter.isZero()) {
      throw new IllegalArgumentException("botburrow.coordinator.dead-runner-after must be positive");
    }
  }
}
