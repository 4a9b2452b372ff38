package io.botburrow.runner.activation;

import io.botburrow.activation.Activation;
import io.botburrow.channels.OutgoingMessage;
import io.botburrow.channels.ReplyTarget;
import io.botburrow.channels.hub.HubChannel;
import io.botburrow.hub.Comment;
import io.botburrow.hub.HubClient;
import io.botburrow.hub.HubException;
import io.botburrow.hub.Notification;
import io.botburrow.hub.Post;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts an agent's reply to a notification at most once across deliveries, also when Redis lost its
 * state or two deliveries run at once: the post happens only while this delivery holds its lease and
 * its claim on the reply (set-if-absent, taken right before posting), after the thread was read and
 * showed no earlier reply, with the Idempotency-Key {@code reply:<agent>:<notification>}, through the
 * Hub's adapter of the messaging port. A delivery
 * that took the claim but did not post gives it up at once.
 */
final class ReplyPoster {
  private static final Logger LOG = LoggerFactory.getLogger(ReplyPoster.class);
  /** How long a delivery waits for another one that holds the claim on the same reply. */
  static final Duration CLAIM_WAIT = Duration.ofSeconds(5);
  private static final Duration CLAIM_POLL = Duration.ofMillis(250);
  private final HubClient hub;
  private final HubChannel channel;
  private final ReplyLedger ledger;
  private final Activation activation;
  private final ActivationControl control;
  private final java.util.function.BiConsumer<String, String> onReply;

  ReplyPoster(HubClient hub, ReplyLedger ledger, Activation activation, ActivationControl control) {
    this(hub, ledger, activation, control, (post, comment) -> { });
  }

  /** @param onReply told the post and comment id of each reply this delivery posted or found */
  ReplyPoster(HubClient hub, ReplyLedger ledger, Activation activation, ActivationControl control,
      java.util.function.BiConsumer<String, String> onReply) {
    this.onReply = onReply;
    this.hub = hub;
    this.channel = new HubChannel(hub);
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
    Optional<Comment> byAnother = awaitClaim(n);
    if (byAnother.isPresent()) {
      return recorded(n, byAnother.get(), "posted by another delivery");
    }
    boolean posted = false;
    try {
      Optional<Comment> earlier = ReplyLedger.replyInThread(agent, n, hub.thread(n.postId()));
      if (earlier.isPresent()) {
        posted = true;
        return recorded(n, earlier.get(), "found in the thread");
      }
      if (!control.leaseHeld()) {
        throw new ReplyNotOwnedException("lease lost before replying to notification " + n.id());
      }
      Comment c = post(n, text);
      posted = true;
      return c;
    } finally {
      if (!posted) {
        ledger.release(agent, n, activation.id().value(), activation.attempt());
      }
    }
  }

  /**
   * Takes the claim on the reply, waiting a little while another delivery holds it: when that one
   * posts, its reply is returned; when it gives up, or has not posted after {@link #CLAIM_WAIT} while this
   * delivery holds the lease, this one takes over (the thread is read again before posting).
   *
   * @throws ReplyNotOwnedException when the other delivery still holds the claim after the wait and this one
   *     cannot take it (its lease is gone, or the claim changed hands meanwhile)
   */
  private Optional<Comment> awaitClaim(Notification n) {
    String agent = activation.agent();
    long until = System.nanoTime() + CLAIM_WAIT.toNanos();
    while (!ledger.claim(agent, n, activation.id().value(), activation.attempt())) {
      Optional<Comment> earlier = ReplyLedger.replyInThread(agent, n, hub.thread(n.postId()));
      if (earlier.isPresent()) {
        return earlier;
      }
      if (System.nanoTime() > until) {
        // the holder had its time to post and did not: with this delivery holding the lease, it no longer runs
        if (control.leaseHeld() && ledger.takeOver(agent, n, activation.id().value(), activation.attempt())) {
          LOG.info("Agent(name={}) took over the claim on notification {} from a delivery that did not post in {} s",
              agent, n.id(), CLAIM_WAIT.toSeconds());
          return Optional.empty();
        }
        throw new ReplyNotOwnedException("another delivery is replying to notification " + n.id());
      }
      try {
        Thread.sleep(CLAIM_POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ReplyNotOwnedException("stopped while another delivery replied to notification " + n.id());
      }
    }
    return Optional.empty();
  }

  private Comment post(Notification n, String text) {
    String agent = activation.agent();
    try {
      Comment posted = channel.comment(new OutgoingMessage(agent, ReplyTarget.hub(n.postId(), n.commentId()), text,
          ReplyLedger.idempotencyKey(agent, n)));
      return recorded(n, posted, "posted");
    } catch (HubException e) {
      if (e.status() != 409) {
        throw e;
      }
      // The Hub is handling a request with the same Idempotency-Key: another delivery's reply.
      return ReplyLedger.replyInThread(agent, n, hub.thread(n.postId()))
          .map(c -> recorded(n, c, "posted by another delivery"))
          .orElseThrow(() -> new ReplyNotOwnedException("another delivery is posting the reply to notification " + n.id()));
    }
  }

  /** The agent's reply to {@code n} already in {@code thread}, if any. */
  Optional<Comment> existing(Notification n, Post thread) {
    return ReplyLedger.replyInThread(activation.agent(), n, thread);
  }

  private Comment recorded(Notification n, Comment c, String how) {
    ledger.done(activation.agent(), n, c.id());
    onReply.accept(n.postId(), c.id());
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
