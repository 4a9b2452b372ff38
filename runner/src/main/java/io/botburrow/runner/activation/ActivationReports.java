package io.botburrow.runner.activation;

import io.botburrow.activation.Activation;
import io.botburrow.hub.Consumption;
import io.botburrow.hub.HubClient;
import io.botburrow.hub.HubException;
import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.runner.RunnerMetrics;
import io.botburrow.runner.activity.ActivityReporter;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an activation ended, told to its task, the metrics, the log, the Hub, its audit trail and the agent's
 * activity. What the model calls consumed is reported for every ending, cancelled ones included, once per
 * delivery: the report carries the Idempotency-Key {@code consumption:<activation>:<attempt>-<delivery nonce>}
 * and is retried with it.
 */
final class ActivationReports {
  private static final Logger LOG = LoggerFactory.getLogger(ActivationReports.class);
  private final HubClient hub;
  private final RunnerMetrics metrics;
  private final Clock clock;
  private final TriggeredWork triggered;
  private final ActivityReporter activity;
  private final int maxAttempts;

  ActivationReports(HubClient hub, RunnerMetrics metrics, Clock clock, TriggeredWork triggered,
      ActivityReporter activity, int maxAttempts) {
    this.hub = hub;
    this.metrics = metrics;
    this.clock = clock;
    this.triggered = triggered;
    this.activity = activity;
    this.maxAttempts = maxAttempts;
  }

  /** Tells how {@code run} ended; the time it took counts until its task was told. */
  void finish(ActivationRun run, ActivationOutcome outcome) {
    Activation a = run.activation;
    reportTask(run, outcome);
    Duration took = Duration.between(run.start, clock.instant());
    reportOutcome(a, run.toolType, outcome, run.tally, took);
    run.audit.finished(outcome.status(), detail(outcome), run.tally.stopReason(), run.tally.usage().inputTokens(),
        run.tally.usage().outputTokens(), run.tally.cost(), took);
    if (run.cooldown != null) {
      activity.finished(a, run.cooldown);
    }
  }

  // A task whose work will not be retried is failed; one that will stays working.
  private void reportTask(ActivationRun run, ActivationOutcome outcome) {
    Activation a = run.activation;
    if (a.trigger() == null) {
      return;
    }
    String error = switch (outcome) {
      case ActivationOutcome.CouldNotAnswer c -> c.reason();
      case ActivationOutcome.Failed f when !f.retryable() || a.attempt() >= maxAttempts -> f.error();
      default -> null;
    };
    if (error != null) {
      try {
        triggered.failed(a, error, run.tally);
      } catch (QueueUnavailableException e) {
        LOG.warn("Activation(id={}, agent={}) task {} could not be marked failed: {}", a.id(), a.agent(),
            a.trigger().taskId(), e.getMessage());
      }
    }
  }

  private void reportOutcome(Activation a, String toolType, ActivationOutcome outcome, RunTally tally, Duration took) {
    metrics.activation(a.agent(), toolType, outcome.status(), took, tally.usage());
    switch (outcome) {
      case ActivationOutcome.Succeeded s ->
          LOG.info("Activation(id={}, agent={}) succeeded in {} ms: {}", a.id(), a.agent(), took.toMillis(), s.detail());
      case ActivationOutcome.CouldNotAnswer c ->
          LOG.warn("Activation(id={}, agent={}) could not answer and said why: {}", a.id(), a.agent(), c.reason());
      case ActivationOutcome.Failed f ->
          LOG.warn("Activation(id={}, agent={}) failed (attempt {}, {}): {}", a.id(), a.agent(), a.attempt(),
              f.retryable() ? "retryable" : "permanent", f.error());
      case ActivationOutcome.Cancelled c ->
          LOG.info("Activation(id={}, agent={}) cancelled: {}", a.id(), a.agent(), c.reason());
      case ActivationOutcome.Deferred d ->
          LOG.warn("Activation(id={}, agent={}) deferred until the Hub answers again: {}", a.id(), a.agent(), d.reason());
    }
    reportConsumption(a, toolType, tally, took);
    if (!(outcome instanceof ActivationOutcome.Cancelled || outcome instanceof ActivationOutcome.Deferred)) {
      markActivated(a);
    }
  }

  private void reportConsumption(Activation a, String toolType, RunTally tally, Duration took) {
    if (tally.calls() == 0) {
      return;
    }
    String key = "consumption:" + a.id().value() + ":" + a.attempt() + "-" + nonce();
    try {
      hub.reportConsumption(new Consumption(a.agent(), a.id().value(), toolType, tally.usage().inputTokens(),
          tally.usage().outputTokens(), tally.cost(), took.toMillis() / 1000.0), key);
    } catch (HubException e) {
      LOG.warn("Activation(id={}, agent={}) consumption ({} tokens, {} USD) could not be reported to the Hub: {}", a.id(),
          a.agent(), tally.usage().total(), tally.cost(), e.getMessage());
    }
  }

  private void markActivated(Activation a) {
    try {
      hub.markActivated(a.agent());
    } catch (HubException e) {
      LOG.warn("Activation(id={}, agent={}) could not be recorded with the Hub: {}", a.id(), a.agent(), e.getMessage());
    }
  }

  private static String detail(ActivationOutcome outcome) {
    return switch (outcome) {
      case ActivationOutcome.Succeeded s -> s.detail();
      case ActivationOutcome.CouldNotAnswer c -> c.reason();
      case ActivationOutcome.Failed f -> f.error();
      case ActivationOutcome.Cancelled c -> c.reason();
      case ActivationOutcome.Deferred d -> d.reason();
    };
  }

  private static String nonce() {
    byte[] b = new byte[4];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
