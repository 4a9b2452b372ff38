package io.botburrow.runner.activation;

import io.botburrow.activation.Activation;
import io.botburrow.hub.Consumption;
import io.botburrow.hub.HubClient;
import io.botburrow.hub.HubException;
import io.botburrow.runner.RunnerMetrics;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an activation ended, told to the metrics, the log and the Hub. What the model calls consumed is
 * reported for every ending, cancelled ones included, once per delivery: the report carries the
 * Idempotency-Key {@code consumption:<activation>:<attempt>-<delivery nonce>} and is retried with it.
 */
final class ActivationReports {
  private static final Logger LOG = LoggerFactory.getLogger(ActivationReports.class);
  private final HubClient hub;
  private final RunnerMetrics metrics;

  ActivationReports(HubClient hub, RunnerMetrics metrics) {
    this.hub = hub;
    this.metrics = metrics;
  }

  void finish(Activation a, String toolType, ActivationOutcome outcome, RunTally tally, Duration took) {
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

  private static String nonce() {
    byte[] b = new byte[4];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
