package io.botburrow.runner.activation;

import io.botburrow.activation.Activation;
import io.botburrow.agents.AgentDefinition;
import io.botburrow.hub.HubClient;
import io.botburrow.queue.EffectLedger;

/**
 * The work an activation gives the agent in its open session, by kind: answering its mentions, exploring, or a
 * trigger's work; and what the mentions' result means for the activation.
 */
final class AgentWork {
  private final HubClient hub;
  private final ReplyLedger replies;
  private final HubHealth hubHealth;
  private final TriggeredWork triggered;
  private final int maxAttempts;

  AgentWork(HubClient hub, EffectLedger effects, HubHealth hubHealth, TriggeredWork triggered, int maxAttempts) {
    this.hub = hub;
    this.replies = new ReplyLedger(effects);
    this.hubHealth = hubHealth;
    this.triggered = triggered;
    this.maxAttempts = maxAttempts;
  }

  ActivationOutcome dispatch(ActivationRun run, AgentDefinition def, AgentSession session) {
    Activation a = run.activation;
    return switch (a.kind()) {
      case NOTIFICATION -> notifications(run, def, session);
      case EXPLORATION -> new ActivationOutcome.Succeeded(new ExplorationWork(hub).run(def.config(), session), run.tally.usage());
      case MESSAGE, WEBHOOK, DELEGATION, SCHEDULE ->
          new ActivationOutcome.Succeeded(triggered.run(a, def.config(), session, run.tally), run.tally.usage());
    };
  }

  private ActivationOutcome notifications(ActivationRun run, AgentDefinition def, AgentSession session) {
    NotificationWork.Result r = mentions(run).answer(def, session);
    if (r.redisOnly()) {
      // Redis, not the agent, failed: handed back for redelivery without opening the agent's circuit
      return new ActivationOutcome.Cancelled("Redis out of reach: " + String.join("; ", r.errors()), run.tally.usage());
    }
    if (r.platformOnlyWithHub() && hubHealth.explainsFailure()) {
      return new ActivationOutcome.Deferred("Hub out of reach: " + String.join("; ", r.errors()), run.tally.usage());
    }
    if (!r.allHandled()) {
      return new ActivationOutcome.Failed(String.join("; ", r.errors()), true, run.tally.usage());
    }
    return r.explained() > 0 && r.answered() == 0
        ? new ActivationOutcome.CouldNotAnswer(r.summary(), run.tally.usage())
        : new ActivationOutcome.Succeeded(r.summary() + " in " + run.tally.loops() + " loop(s)", run.tally.usage());
  }

  /** The mention work of {@code run}: its answers and explanations go through the reply ledger. */
  NotificationWork mentions(ActivationRun run) {
    ReplyPoster poster = new ReplyPoster(hub, replies, run.activation, run.control, run.audit::replied);
    return new NotificationWork(hub, replies, poster, run.activation.agent(), run.activation.attempt() >= maxAttempts,
        () -> run.timer != null && run.timer.fired() ? CannotAnswer.deadline(run.limit) : null);
  }
}
