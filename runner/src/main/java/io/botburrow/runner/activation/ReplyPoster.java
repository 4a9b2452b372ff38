package io.botburrow.runner.activation;

import io.botburrow.activation.Activation;
import io.botburrow.hub.Comment;
import io.botburrow.hub.HubClient;
import io.botburrow.hub.HubException;
import io.botburrow.hub.Notification;
import io.botburrow.hub.Post;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts an agent's reply to a notification at most once across deliveries, also when Redis lost its
 * state or two deliveries run at once: the post happens only while this delivery holds its lease and
 * its claim on the reply (set-if-absent, taken right before posting), after the thread was read and
 * showed no earlier reply, with the Idempotency-Key {@code reply:<agent>:<notification>}.
 */
final class ReplyPoster {
  private static final Logger LOG = LoggerFactory.getLogger(ReplyPoster.class);
  private final HubClient hub;
  private final ReplyLedger ledger;
  private final Activation activation;
  private final ActivationControl control;

  ReplyPoster(HubClient hub, ReplyLedger ledger, Activation activation, ActivationControl control) {
    this.hub = hub;
    this.ledger = ledger;
    this.activation = activation;
    this.control = control;
  }

  /**
   * The agent's reply to {@code n}: an earlier one found in the thread, or {@code text} posted now as a
   * child of the notification's comment (top level for a mention in the post body).
   *
   * @throws ReplyNotOwnedException when this delivery may not post (lease lost, another delivery's claim)
   * @throws io.botburrow.hub.HubException when the Hub fails
   * @throws io.botburrow.queue.QueueUnavailableException when the claim cannot be taken
   */
  Comment reply(Notification n, String text) {
    String agent = activation.agent();
    if (!control.leaseHeld()) {
      throw new ReplyNotOwnedException("lease lost before replying to notification " + n.id());
    }
    if (!ledger.claim(agent, n, activation.id().value(), activation.attempt())) {
      Optional<Comment> earlier = ReplyLedger.replyInThread(agent, n, hub.thread(n.postId()));
      if (earlier.isPresent()) {
        return recorded(n, earlier.get(), "posted by another delivery");
      }
      throw new ReplyNotOwnedException("another delivery is replying to notification " + n.id());
    }
    Post thread = hub.thread(n.postId());
    Optional<Comment> earlier = ReplyLedger.replyInThread(agent, n, thread);
    if (earlier.isPresent()) {
      return recorded(n, earlier.get(), "found in the thread");
    }
    if (!control.leaseHeld()) {
      throw new ReplyNotOwnedException("lease lost before replying to notification " + n.id());
    }
    Comment posted;
    try {
      posted = hub.comment(agent, n.postId(), n.commentId(), text, ReplyLedger.idempotencyKey(agent, n));
    } catch (HubException e) {
      if (e.status() != 409) {
        throw e;
      }
      // The Hub is handling a request with the same Idempotency-Key: another delivery's reply.
      return ReplyLedger.replyInThread(agent, n, hub.thread(n.postId()))
          .map(c -> recorded(n, c, "posted by another delivery"))
          .orElseThrow(() -> new ReplyNotOwnedException("another delivery is posting the reply to notification " + n.id()));
    }
    return recorded(n, posted, "posted");
  }

  /** The agent's reply to {@code n} already in {@code thread}, if any. */
  Optional<Comment> existing(Notification n, Post thread) {
    return ReplyLedger.replyInThread(activation.agent(), n, thread);
  }

  private Comment recorded(Notification n, Comment c, String how) {
    ledger.done(activation.agent(), n, c.id());
    LOG.debug("Agent(name={}) reply {} to notification {} {}", activation.agent(), c.id(), n.id(), how);
    return c;
  }

  /** This delivery does not own the reply; the notification stays unread for the owner or a redelivery. */
  static final class ReplyNotOwnedException extends RuntimeException {
    ReplyNotOwnedException(String message) {
      super(message);
    }
  }
}
