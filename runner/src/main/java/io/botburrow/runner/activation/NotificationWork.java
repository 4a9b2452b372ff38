package io.botburrow.runner.activation;

import io.botburrow.agents.AgentDefinition;
import io.botburrow.hub.HubClient;
import io.botburrow.hub.HubException;
import io.botburrow.hub.Notification;
import io.botburrow.hub.Post;
import io.botburrow.llm.LlmException;
import io.botburrow.runner.agent.LoopResult;
import io.botburrow.runner.agent.PromptBuilder;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers an agent's unread notifications, one agent loop per notification, and marks read exactly
 * those it handled. A notification whose handling failed stays unread for the next delivery.
 */
final class NotificationWork {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationWork.class);
  private final HubClient hub;
  private final ReplyLedger replies;

  NotificationWork(HubClient hub, ReplyLedger replies) {
    this.hub = hub;
    this.replies = replies;
  }

  /** Returns the errors of notifications that could not be handled (empty when all were). */
  List<String> run(AgentDefinition def, AgentSession session) {
    String agent = def.config().name();
    List<String> handled = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Notification n : hub.unreadNotifications(agent)) {
      if (Thread.currentThread().isInterrupted()) {
        break;
      }
      try {
        handle(def, session, n);
        handled.add(n.id());
      } catch (HubException | LlmException e) {
        errors.add("notification " + n.id() + ": " + e.getMessage());
        LOG.warn("Agent(name={}) notification {} not handled: {}", agent, n.id(), e.getMessage());
      }
    }
    hub.markRead(agent, handled);
    return errors;
  }

  private void handle(AgentDefinition def, AgentSession session, Notification n) {
    String agent = def.config().name();
    if (!NotificationPolicy.shouldRespond(def.config().behavior(), n)) {
      LOG.debug("Agent(name={}) ignores {} notification {} per its behaviour", agent, n.type(), n.id());
      return;
    }
    Post thread = hub.thread(n.postId());
    if (replies.answered(agent, n, thread)) {
      LOG.info("Agent(name={}) already answered notification {} in post {} (earlier delivery)", agent, n.id(), n.postId());
      return;
    }
    if (NotificationPolicy.threadLimitReached(agent, thread, def.config().behavior().limits().maxResponsesPerThread())) {
      LOG.info("Agent(name={}) reached max_responses_per_thread in post {}; not answering", agent, n.postId());
      return;
    }
    replies.begin(agent, n);
    LoopResult result = session.run(PromptBuilder.notification(n, thread));
    if (session.posts().hasCommentedOn(n.postId())) {
      replies.done(agent, n, "posted by the agent");
    } else if (!result.finalText().isBlank() && def.config().hasGrant("hub:write")) {
      if (replies.answeredMeanwhile(agent, n)) {
        LOG.warn("Agent(name={}) notification {} was answered by another delivery meanwhile; not posting again", agent, n.id());
        return;
      }
      replies.done(agent, n, hub.comment(agent, n.postId(), null, result.finalText().strip()).id());
    }
    LOG.info("Agent(name={}) answered notification {} ({} iteration(s), stop {})", agent, n.id(), result.iterations(), result.stopReason().wireName());
  }
}
