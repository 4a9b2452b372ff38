package io.botburrow.runner.activation;

import io.botburrow.hub.Comment;
import io.botburrow.hub.Notification;
import io.botburrow.hub.Post;
import io.botburrow.queue.EffectLedger;
import io.botburrow.queue.QueueUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is known about an agent's reply to a notification. The Hub is the source of truth: the ledger
 * in Redis is a shortcut that says "answered" when it can, and the thread itself is read whenever it
 * cannot (nothing recorded, Redis lost its state or cannot be reached). A reply to a mention in a
 * comment is a child of that comment; a reply to a mention in the post body is a top-level comment of
 * the agent made after the notification.
 */
final class ReplyLedger {
  private static final Logger LOG = LoggerFactory.getLogger(ReplyLedger.class);
  static final Duration KEEP = Duration.ofDays(7);
  /** How long a delivery's claim to post a reply holds; outlives one post with its retries. */
  static final Duration CLAIM = Duration.ofMinutes(2);
  /** Allowance for clock differences between the Hub and the notification's timestamp. */
  static final Duration SKEW = Duration.ofSeconds(5);
  private final EffectLedger ledger;

  ReplyLedger(EffectLedger ledger) {
    this.ledger = ledger;
  }

  /** Whether the ledger proves the reply was posted; false when it cannot tell. */
  boolean recorded(String agent, Notification n) {
    try {
      return ledger.lookup(doneKey(agent, n)).isPresent();
    } catch (QueueUnavailableException e) {
      LOG.warn("Agent(name={}) reply ledger unavailable for notification {}; reading the thread instead", agent, n.id());
      return false;
    }
  }

  /** The agent's reply to {@code n} in {@code thread}, if it is there. Pure. */
  static Optional<Comment> replyInThread(String agent, Notification n, Post thread) {
    for (Comment c : thread.comments()) {
      if (!agent.equals(c.authorName())) {
        continue;
      }
      if (n.commentId() != null) {
        if (n.commentId().equals(c.parentId())) {
          return Optional.of(c);
        }
      } else if (c.parentId() == null && postedAfter(c, n.createdAt())) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private static boolean postedAfter(Comment c, Instant notified) {
    return notified == null || c.createdAt() == null || !c.createdAt().isBefore(notified.minus(SKEW));
  }

  /**
   * Takes this delivery's claim to post the reply (set-if-absent). A claim left by an earlier attempt of
   * the same activation (whose runner died or lost its lease) is taken over; a claim of another
   * activation is respected. Blocks on Redis.
   *
   * @throws QueueUnavailableException when Redis cannot be reached: no claim, no post
   */
  boolean claim(String agent, Notification n, String activationId, int attempt) {
    String key = claimKey(agent, n);
    String mine = activationId + "/" + attempt;
    if (ledger.tryRecord(key, mine, CLAIM)) {
      return true;
    }
    Optional<String> holder = ledger.lookup(key);
    if (holder.isEmpty()) {
      return ledger.tryRecord(key, mine, CLAIM);
    }
    if (holder.get().equals(mine)) {
      return true;
    }
    return earlierAttemptOf(holder.get(), activationId, attempt) && ledger.replace(key, holder.get(), mine, CLAIM);
  }

  /**
   * Takes the claim from whichever delivery holds it, or takes it if it is free. For a delivery that holds the
   * agent's lease after the holder had {@link ReplyPoster#CLAIM_WAIT} to post and did not: by single flight the
   * holder no longer runs (its runner was killed, or its attempts ran out and it was dead-lettered). Returns false
   * when the claim changed hands meanwhile.
   */
  boolean takeOver(String agent, Notification n, String activationId, int attempt) {
    String key = claimKey(agent, n);
    String mine = activationId + "/" + attempt;
    Optional<String> holder = ledger.lookup(key);
    if (holder.isEmpty()) {
      return ledger.tryRecord(key, mine, CLAIM);
    }
    return holder.get().equals(mine) || ledger.replace(key, holder.get(), mine, CLAIM);
  }

  /**
   * Gives up this delivery's claim when it did not post after all (its lease was lost, the Hub failed),
   * so another delivery can reply at once rather than after {@link #CLAIM}. Best effort: the claim
   * expires anyway.
   */
  void release(String agent, Notification n, String activationId, int attempt) {
    // a delivery stopped because its lease was lost is interrupted: release the claim all the same
    boolean interrupted = Thread.interrupted();
    try {
      ledger.remove(claimKey(agent, n), activationId + "/" + attempt);
    } catch (RuntimeException e) {
      LOG.debug("Agent(name={}) claim on notification {} left to expire: {}", agent, n.id(), e.getMessage());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static boolean earlierAttemptOf(String holder, String activationId, int attempt) {
    int slash = holder.lastIndexOf('/');
    if (slash < 0 || !holder.substring(0, slash).equals(activationId)) {
      return false;
    }
    try {
      return Integer.parseInt(holder.substring(slash + 1)) < attempt;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Records the reply; best effort, since the thread proves it anyway. */
  void done(String agent, Notification n, String commentId) {
    try {
      ledger.tryRecord(doneKey(agent, n), commentId, KEEP);
    } catch (QueueUnavailableException e) {
      LOG.warn("Agent(name={}) reply to notification {} not recorded in the ledger (the thread has it): {}", agent,
          n.id(), e.getMessage());
    }
  }

  /** The Idempotency-Key of the reply's comment POST. */
  static String idempotencyKey(String agent, Notification n) {
    return doneKey(agent, n);
  }

  private static String doneKey(String agent, Notification n) {
    return "reply:" + agent + ":" + n.id();
  }

  private static String claimKey(String agent, Notification n) {
    return "reply-claim:" + agent + ":" + n.id();
  }
}
