package io.botburrow.runner.activity;

import io.botburrow.activation.Activation;
import io.botburrow.activity.ActivityReport;
import io.botburrow.activity.AgentActivity;
import io.botburrow.activity.AgentPhase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports an activation's lifecycle (thinking, executing, cooldown) to the {@link AgentActivity}
 * board. Best effort: the state the API shows is informative, so a failed write is logged at DEBUG and
 * never stops the work.
 */
public class ActivityReporter {
  public static final ActivityReporter NONE = new ActivityReporter(null, "", Clock.systemUTC());
  private static final Logger LOG = LoggerFactory.getLogger(ActivityReporter.class);
  private final AgentActivity board;
  private final String runnerId;
  private final Clock clock;

  public ActivityReporter(AgentActivity board, String runnerId, Clock clock) {
    this.board = board;
    this.runnerId = runnerId;
    this.clock = clock;
  }

  public void thinking(Activation a) {
    report(a, AgentPhase.THINKING, Duration.ZERO);
  }

  public void executing(Activation a) {
    report(a, AgentPhase.EXECUTING, Duration.ZERO);
  }

  /** The activation ended; the agent rests for {@code cooldown}. */
  public void finished(Activation a, Duration cooldown) {
    report(a, AgentPhase.COOLDOWN, cooldown);
  }

  private void report(Activation a, AgentPhase phase, Duration lasting) {
    if (board == null) {
      return;
    }
    Instant now = clock.instant();
    try {
      board.report(a.agent(), new ActivityReport(phase, a.id().value(), runnerId, now, now.plus(lasting)));
    } catch (RuntimeException e) {
      LOG.debug("Activation(id={}, agent={}) activity {} not reported: {}", a.id(), a.agent(), phase.wireName(), e.toString());
    }
  }
}
