package io.botburrow.runner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether a runner can do its work: its slots reach the queue and its heartbeat ticks. A runner whose
 * slots have failed for longer than {@link #GRACE_BEATS} heartbeat intervals, or whose heartbeat stopped
 * for as long, is unhealthy, so that an orchestrator restarts it rather than letting it hold no work.
 */
public final class RunnerHealth {
  static final int GRACE_BEATS = 3;
  private final Duration grace;
  private final Clock clock;
  private final Instant started;
  private volatile Instant lastSlotSuccess;
  private volatile Instant failingSince;
  private volatile Instant lastHeartbeat;

  RunnerHealth(Duration heartbeatInterval, Clock clock) {
    this.grace = heartbeatInterval.multipliedBy(GRACE_BEATS);
    this.clock = clock;
    this.started = clock.instant();
  }

  void slotWorked(Instant now) {
    lastSlotSuccess = now;
    failingSince = null;
  }

  synchronized void slotFailed(Instant now) {
    if (failingSince == null) {
      failingSince = now;
    }
  }

  void heartbeat(Instant now) {
    lastHeartbeat = now;
  }

  /** Null when healthy, else why not. Pure with respect to the recorded events and {@code now}. */
  public String problem(RunnerState state, Instant now) {
    if (state == RunnerState.DRAINING) {
      // draining is on purpose: a liveness probe must not kill the runner before its work is done
      return null;
    }
    if (state != RunnerState.RUNNING) {
      return "runner is " + state.name().toLowerCase(java.util.Locale.ROOT);
    }
    Instant failing = failingSince;
    if (failing != null && Duration.between(failing, now).compareTo(grace) > 0) {
      return "slots cannot claim work since " + failing;
    }
    Instant beat = lastHeartbeat == null ? started : lastHeartbeat;
    if (Duration.between(beat, now).compareTo(grace.plus(grace)) > 0) {
      return "heartbeat stopped at " + beat;
    }
    return null;
  }

  public String problem(RunnerState state) {
    return problem(state, clock.instant());
  }

  public Map<String, Object> details() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("lastSlotSuccess", String.valueOf(lastSlotSuccess));
    d.put("slotsFailingSince", String.valueOf(failingSince));
    d.put("lastHeartbeat", String.valueOf(lastHeartbeat));
    return d;
  }
}
