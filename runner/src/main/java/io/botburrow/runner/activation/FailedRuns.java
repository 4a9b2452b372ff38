package io.botburrow.runner.activation;

import io.botburrow.activation.ActivationKind;
import io.botburrow.agents.AgentDefinition;
import io.botburrow.agents.Behavior;
import io.botburrow.channels.ChannelException;
import io.botburrow.hub.HubException;
import io.botburrow.queue.QueueUnavailableException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a run that cannot answer ends: a permanent failure, the last attempt, or a passed deadline is explained to
 * the people who asked (in the Hub thread, or on Slack or Discord); anything else is handed back for another
 * attempt.
 */
final class FailedRuns {
  private static final Logger LOG = LoggerFactory.getLogger(FailedRuns.class);

  private final TriggeredWork triggered;
  private final Function<ActivationRun, NotificationWork> mentions;
  private final int maxAttempts;

  /** @param mentions the mention work of a run, whose explanations go through the reply ledger like answers */
  FailedRuns(TriggeredWork triggered, Function<ActivationRun, NotificationWork> mentions, int maxAttempts) {
    this.triggered = triggered;
    this.mentions = mentions;
    this.maxAttempts = maxAttempts;
  }

  /**
   * A failure of the whole activation. Permanent ones, and every one on the last attempt or at the
   * deadline, are explained to the people who asked; the rest are redelivered.
   */
  ActivationOutcome failure(ActivationRun run, AgentDefinition def, String error, boolean retryable, String explanation) {
    Behavior behavior = def == null ? Behavior.defaults() : def.config().behavior();
    if (run.timer != null && run.timer.fired()) {
      Thread.interrupted();
      return couldNotAnswer(run, behavior, "deadline passed: " + error, CannotAnswer.deadline(run.limit));
    }
    if (Thread.currentThread().isInterrupted() || run.control.stopRequested() != ActivationControl.Stop.NONE) {
      return new ActivationOutcome.Failed(error, true, run.tally.usage());
    }
    if (!retryable) {
      return couldNotAnswer(run, behavior, error, explanation);
    }
    if (run.activation.attempt() >= maxAttempts && run.activation.kind() == ActivationKind.NOTIFICATION) {
      explainSafely(run, behavior, explanation);
    } else if (run.activation.attempt() >= maxAttempts && TriggeredWork.answersOnPlatform(run.activation)) {
      explainOnPlatform(run, explanation);
    }
    return new ActivationOutcome.Failed(error, true, run.tally.usage());
  }

  ActivationOutcome couldNotAnswer(ActivationRun run, Behavior behavior, String error, String explanation) {
    if (TriggeredWork.answersOnPlatform(run.activation)) {
      explainOnPlatform(run, explanation);
    }
    if (run.activation.kind() != ActivationKind.NOTIFICATION) {
      return new ActivationOutcome.CouldNotAnswer(error, run.tally.usage());
    }
    NotificationWork.Result r = explainSafely(run, behavior, explanation);
    return r != null && r.allHandled()
        ? new ActivationOutcome.CouldNotAnswer(error, run.tally.usage())
        : new ActivationOutcome.Failed(error + (r == null ? "" : "; " + String.join("; ", r.errors())), true, run.tally.usage());
  }

  // the person on Slack or Discord hears why, in the answer's place
  private void explainOnPlatform(ActivationRun run, String explanation) {
    try {
      triggered.explain(run.activation, explanation);
    } catch (ChannelException | QueueUnavailableException e) {
      LOG.warn("Activation(id={}, agent={}) could not tell the sender why it cannot answer: {}", run.activation.id(),
          run.activation.agent(), e.getMessage());
    }
  }

  private NotificationWork.Result explainSafely(ActivationRun run, Behavior behavior, String explanation) {
    try {
      return mentions.apply(run).explain(behavior, explanation);
    } catch (HubException | QueueUnavailableException e) {
      LOG.warn("Activation(id={}, agent={}) could not tell the senders why it cannot answer: {}", run.activation.id(),
          run.activation.agent(), e.getMessage());
      return null;
    }
  }
}
