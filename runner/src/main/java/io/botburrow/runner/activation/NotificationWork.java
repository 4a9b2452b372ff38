package io.botburrow.runner.activation;

import io.botburrow.agents.AgentDefinition;
import io.botburrow.agents.Behavior;
import io.botburrow.hub.Comment;
import io.botburrow.hub.HubClient;
import io.botburrow.hub.HubException;
import io.botburrow.hub.Notification;
import io.botburrow.hub.Post;
import io.botburrow.llm.LlmException;
import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.runner.agent.LoopResult;
import io.botburrow.runner.agent.PromptBuilder;
import io.botburrow.runner.agent.StopReason;
import io.botburrow.runner.mcp.McpException;
import io.botburrow.runner.sandbox.SandboxException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers an agent's unread notifications one at a time: each reply is posted once (see
 * {@link ReplyPoster}) and its notification marked read right after. A notification the agent cannot
 * answer for good gets a short reply saying why; one that failed for now stays unread for the next
 * delivery, unless this is the last attempt, when it gets that reply too.
 */
final class NotificationWork {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationWork.class);
  private final ReplyPoster poster;
  private final String agent;
  private final boolean lastAttempt;
  private final Supplier<String> deadlineReply;
  private final NotificationTally tally = new NotificationTally();
  private final UnreadNotifications unread;

  /** @param deadlineReply the explanation when the watchdog stopped the work, else null */
  NotificationWork(HubClient hub, ReplyLedger ledger, ReplyPoster poster, String agent, boolean lastAttempt,
      Supplier<String> deadlineReply) {
    this.poster = poster;
    this.agent = agent;
    this.lastAttempt = lastAttempt;
    this.deadlineReply = deadlineReply;
    this.unread = new UnreadNotifications(hub, ledger, poster, agent, tally);
  }

  /**
   * How the notifications went.
   *
   * @param redisErrors errors that were Redis out of reach for a moment (as during a failover) or a reply held
   *     back because the lease could not be confirmed
   * @param hubErrors errors that were the Hub out of reach, or answering 429 or 5xx
   */
  record Result(int answered, int explained, List<String> errors, int redisErrors, int hubErrors) {
    boolean allHandled() {
      return errors.isEmpty();
    }

    /** Every error was Redis: nothing the agent did went wrong. */
    boolean redisOnly() {
      return redisErrors > 0 && redisErrors == errors.size();
    }

    /** Every error was Redis or the Hub, and some the Hub: nothing the agent did went wrong, if the Hub is down. */
    boolean platformOnlyWithHub() {
      return hubErrors > 0 && redisErrors + hubErrors == errors.size();
    }

    String summary() {
      return "answered " + answered + " notification(s)" + (explained > 0 ? ", explained " + explained : "");
    }
  }

  /** Runs the agent on every unread notification it should answer. */
  Result answer(AgentDefinition def, AgentSession session) {
    for (Notification n : unread.list()) {
      if (Thread.currentThread().isInterrupted()) {
        break;
      }
      Optional<Post> thread = unread.open(def.config().behavior(), n);
      if (thread.isEmpty()) {
        continue;
      }
      if (NotificationPolicy.threadLimitReached(agent, thread.get(), def.config().behavior().limits().maxResponsesPerThread())) {
        LOG.info("Agent(name={}) reached max_responses_per_thread in post {}; not answering", agent, n.postId());
        unread.markRead(n);
        continue;
      }
      if (!answerOne(n, thread.get(), session)) {
        break;
      }
    }
    return tally.result();
  }

  /** Replies {@code why} to every unread notification the agent would answer: it cannot, for good. */
  Result explain(Behavior behavior, String why) {
    for (Notification n : unread.list()) {
      if (unread.open(behavior, n).isPresent() && !explainOne(n, why)) {
        break;
      }
    }
    return tally.result();
  }

  /** Returns false when the work must stop here (deadline, lease lost). */
  private boolean answerOne(Notification n, Post thread, AgentSession session) {
    session.posts().answering(n.postId(), text -> poster.reply(n, text));
    try {
      LoopResult result = session.run(PromptBuilder.notification(n, thread));
      Comment reply = session.posts().reply().orElseGet(() -> poster.reply(n, answerText(result)));
      unread.markRead(n);
      if (result.stopReason() == StopReason.BUDGET) {
        tally.countExplanation();
      } else {
        tally.countAnswer();
      }
      LOG.info("Agent(name={}) answered notification {} with comment {} ({} iteration(s), stop {})", agent, n.id(),
          reply.id(), result.iterations(), result.stopReason().wireName());
      return true;
    } catch (LlmException | HubException | SandboxException | McpException | QueueUnavailableException e) {
      return failed(n, e, AnswerError.retryable(e));
    } catch (ReplyPoster.ReplyNotOwnedException e) {
      tally.replyNotOwned("notification " + n.id() + ": " + e.getMessage());
      LOG.warn("Agent(name={}) not replying to notification {}: {}", agent, n.id(), e.getMessage());
      return false;
    } finally {
      session.posts().doneAnswering();
    }
  }

  private static String answerText(LoopResult result) {
    String text = result.finalText().strip();
    return text.isEmpty() ? CannotAnswer.blank(result.stopReason()) : text;
  }

  private boolean failed(Notification n, RuntimeException e, boolean retryable) {
    String deadline = deadlineReply.get();
    if (deadline != null) {
      LOG.warn("Agent(name={}) notification {} stopped at the activation deadline", agent, n.id());
      Thread.interrupted();
      explainOne(n, deadline);
      return false;
    }
    if (Thread.currentThread().isInterrupted()) {
      tally.error("notification " + n.id() + ": stopped: " + e.getMessage(), e);
      return false;
    }
    if (!retryable || lastAttempt) {
      LOG.warn("Agent(name={}) notification {} cannot be answered ({}): {}", agent, n.id(),
          retryable ? "last attempt" : "permanent", e.getMessage());
      return explainOne(n, AnswerError.explanation(e, retryable));
    }
    tally.error("notification " + n.id() + ": " + e.getMessage(), e);
    LOG.warn("Agent(name={}) notification {} not handled, it stays unread: {}", agent, n.id(), e.getMessage());
    return true;
  }

  /** Posts the explanation; returns false when even that is not possible now (it stays unread). */
  private boolean explainOne(Notification n, String why) {
    try {
      Comment c = poster.reply(n, why);
      unread.markRead(n);
      tally.countExplanation();
      LOG.info("Agent(name={}) told the sender of notification {} it cannot answer (comment {})", agent, n.id(), c.id());
      return true;
    } catch (HubException | QueueUnavailableException | ReplyPoster.ReplyNotOwnedException e) {
      tally.error("notification " + n.id() + ": explanation not posted: " + e.getMessage(), e);
      LOG.warn("Agent(name={}) could not post why notification {} cannot be answered: {}", agent, n.id(), e.getMessage());
      return false;
    }
  }
}
