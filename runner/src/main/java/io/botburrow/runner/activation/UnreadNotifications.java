package io.botburrow.runner.activation;

import io.botburrow.agents.Behavior;
import io.botburrow.hub.HubClient;
import io.botburrow.hub.HubException;
import io.botburrow.hub.Notification;
import io.botburrow.hub.Post;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's unread notifications in the Hub: which ones to answer, each with its thread, and marking one read. A
 * notification answered by an earlier delivery (in the reply ledger or found in its thread) is not answered again.
 */
final class UnreadNotifications {
  private static final Logger LOG = LoggerFactory.getLogger(UnreadNotifications.class);
  private final HubClient hub;
  private final ReplyLedger ledger;
  private final ReplyPoster poster;
  private final String agent;
  private final NotificationTally tally;

  UnreadNotifications(HubClient hub, ReplyLedger ledger, ReplyPoster poster, String agent, NotificationTally tally) {
    this.hub = hub;
    this.ledger = ledger;
    this.poster = poster;
    this.agent = agent;
    this.tally = tally;
  }

  List<Notification> list() {
    return hub.unreadNotifications(agent);
  }

  /** The thread to answer in; empty (and the notification marked read) when there is nothing to answer. */
  Optional<Post> open(Behavior behavior, Notification n) {
    if (!NotificationPolicy.shouldRespond(behavior, n)) {
      LOG.debug("Agent(name={}) ignores {} notification {} per its behaviour", agent, n.type(), n.id());
      markRead(n);
      return Optional.empty();
    }
    Post thread;
    try {
      thread = hub.thread(n.postId());
    } catch (HubException e) {
      if (e.notFound()) {
        LOG.info("Agent(name={}) notification {} points at a deleted post; nothing to answer", agent, n.id());
        markRead(n);
        return Optional.empty();
      }
      throw e;
    }
    if (ledger.recorded(agent, n) || poster.existing(n, thread).isPresent()) {
      LOG.info("Agent(name={}) already answered notification {} in post {} (earlier delivery)", agent, n.id(), n.postId());
      markRead(n);
      return Optional.empty();
    }
    return Optional.of(thread);
  }

  /** Marking read is idempotent, so it is retried; a failure leaves it unread and the thread proves the reply. */
  void markRead(Notification n) {
    try {
      hub.markRead(agent, List.of(n.id()));
    } catch (HubException e) {
      tally.error("notification " + n.id() + ": not marked read: " + e.getMessage(), e);
      LOG.warn("Agent(name={}) notification {} handled but not marked read; a redelivery finds the reply: {}", agent,
          n.id(), e.getMessage());
    }
  }
}
