package io.botburrow.runner.activation;

import io.botburrow.hub.Comment;
import io.botburrow.hub.Notification;
import io.botburrow.hub.Post;
import io.botburrow.queue.EffectLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Makes answering a notification effectively once across redeliveries. Before the agent works on a
 * notification an intent is recorded with the time; once the answer is posted the notification is
 * recorded as answered. A redelivery that finds only the intent asks the Hub (the source of truth)
 * whether the agent commented in the thread since then, so a crash between posting and recording
 * does not produce a second reply.
 */
final class ReplyLedger {
  static final Duration KEEP = Duration.ofDays(7);
  /** Allowance for clock differences between the runner and the Hub. */
  static final Duration SKEW = Duration.ofSeconds(5);
  private final EffectLedger ledger;
  private final Clock clock;

  ReplyLedger(EffectLedger ledger, Clock clock) {
    this.ledger = ledger;
    this.clock = clock;
  }

  boolean answered(String agent, Notification n, Post thread) {
    if (ledger.lookup(doneKey(agent, n)).isPresent()) {
      return true;
    }
    var intent = ledger.lookup(intentKey(agent, n));
    if (intent.isEmpty()) {
      return false;
    }
    Instant since = Instant.parse(intent.get()).minus(SKEW);
    for (Comment c : thread.comments()) {
      if (agent.equals(c.authorName()) && c.createdAt() != null && !c.createdAt().isBefore(since)) {
        done(agent, n, c.id());
        return true;
      }
    }
    return false;
  }

  /**
   * Whether another delivery recorded an answer since this one checked: after Redis lost its state,
   * two deliveries of the same mention can run at once until the older runner notices its lost lease.
   */
  boolean answeredMeanwhile(String agent, Notification n) {
    return ledger.lookup(doneKey(agent, n)).isPresent();
  }

  void begin(String agent, Notification n) {
    ledger.tryRecord(intentKey(agent, n), clock.instant().toString(), KEEP);
  }

  void done(String agent, Notification n, String how) {
    ledger.tryRecord(doneKey(agent, n), how, KEEP);
  }

  private static String doneKey(String agent, Notification n) {
    return "reply:" + agent + ":" + n.id();
  }

  private static String intentKey(String agent, Notification n) {
    return "reply-intent:" + agent + ":" + n.id();
  }
}
