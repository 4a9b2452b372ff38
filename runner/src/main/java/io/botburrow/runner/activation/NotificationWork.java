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
import java.util.ArrayList;
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
  private final HubClient hub;
  private final ReplyLedger ledger;
  private final ReplyPoster poster;
  private final String agent;
  private final boolean lastAttempt;
  private final Supplier<String> deadlineReply;
  private int answered;
  private int explained;
  private final List<String> errors = new ArrayList<>();
  /** Errors that were Redis out of reach (a failover, a restart), or a lease that could not be confirmed. */
  private int redisErrors;
  /** Errors that were the Hub out of reach or answering 429 or 5xx. */
  private int hubErrors;

  /** @param deadlineReply the explanation when the watchdog stopped the work, else null */
  NotificationWork(HubClient hub, ReplyLedger ledger, ReplyPoster poster, String agent, boolean lastAttempt,
      Supplier<String> deadlineReply) {
    this.hub = hub;
    this.ledger = ledger;
    this.poster = poster;
    this.agent = agent;
    this.lastAttempt = lastAttempt;
    this.deadlineReply = deadlineReply;
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
    for (Notification n : hub.unreadNotifications(agent)) {
      if (Thread.currentThread().isInterrupted()) {
        break;
      }
      Optional<Post> thread = open(def.config().behavior(), n);
      if (thread.isEmpty()) {
        continue;
      }
      if (NotificationPolicy.threadLimitReached(agent, thread.get(), def.config().behavior().limits().maxResponsesPerThread())) {
        LOG.info("Agent(name={}) reached max_responses_per_thread in post {}; not answering", agent, n.postId());
        markRead(n);
        continue;
      }
      if (!answerOne(n, thread.get(), session)) {
        break;
      }
    }
    return result();
  }

  /** Replies {@code why} to every unread notification the agent would answer: it cannot, for good. */
  Result explain(Behavior behavior, String why) {
    for (Notification n : hub.unreadNotifications(agent)) {
      if (open(behavior, n).isPresent() && !explainOne(n, why)) {
        break;
      }
    }
    return result();
  }

  /** The thread to answer in; empty (and the notification marked read) when there is nothing to answer. */
  private Optional<Post> open(Behavior behavior, Notification n) {
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

  /** Returns false when the work must stop here (deadline, lease lost). */
  private boolean answerOne(Notification n, Post thread, AgentSession session) {
    session.posts().answering(n.postId(), text -> poster.reply(n, text));
    try {
      LoopResult result = session.run(PromptBuilder.notification(n, thread));
      Comment reply = session.posts().reply().orElseGet(() -> poster.reply(n, answerText(result)));
      markRead(n);
      if (result.stopReason() == StopReason.BUDGET) {
        explained++;
      } else {
        answered++;
      }
      LOG.info("Agent(name={}) answered notification {} with comment {} ({} iteration(s), stop {})", agent, n.id(),
          reply.id(), result.iterations(), result.stopReason().wireName());
      return true;
    } catch (LlmException | HubException | SandboxException | McpException | QueueUnavailableException e) {
      return failed(n, e, retryable(e));
    } catch (ReplyPoster.ReplyNotOwnedException e) {
      errors.add("notification " + n.id() + ": " + e.getMessage());
      redisErrors++;
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
      error("notification " + n.id() + ": stopped: " + e.getMessage(), e);
      return false;
    }
    if (!retryable || lastAttempt) {
      LOG.warn("Agent(name={}) notification {} cannot be answered ({}): {}", agent, n.id(),
          retryable ? "last attempt" : "permanent", e.getMessage());
      return explainOne(n, explanation(e, retryable));
    }
    error("notification " + n.id() + ": " + e.getMessage(), e);
    LOG.warn("Agent(name={}) notification {} not handled, it stays unread: {}", agent, n.id(), e.getMessage());
    return true;
  }

  private static String explanation(RuntimeException e, boolean retryable) {
    if (e instanceof LlmException) {
      return retryable ? CannotAnswer.modelUnavailable() : CannotAnswer.refused();
    }
    if (e instanceof McpException && !retryable) {
      return CannotAnswer.refused();
    }
    return CannotAnswer.failedRepeatedly();
  }

  private void error(String text, Throwable cause) {
    errors.add(text);
    if (redisUnavailable(cause)) {
      redisErrors++;
    } else if (cause instanceof HubException h && h.retryable()) {
      hubErrors++;
    }
  }

  private static boolean redisUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof QueueUnavailableException) {
        return true;
      }
    }
    return false;
  }

  private static boolean retryable(RuntimeException e) {
    return switch (e) {
      case LlmException x -> x.retryable();
      case HubException x -> x.retryable();
      case SandboxException x -> x.retryable();
      case McpException x -> x.retryable();
      default -> true;
    };
  }

  /** Posts the explanation; returns false when even that is not possible now (it stays unread). */
  private boolean explainOne(Notification n, String why) {
    try {
      Comment c = poster.reply(n, why);
      markRead(n);
      explained++;
      LOG.info("Agent(name={}) told the sender of notification {} it cannot answer (comment {})", agent, n.id(), c.id());
      return true;
    } catch (HubException | QueueUnavailableException | ReplyPoster.ReplyNotOwnedException e) {
      error("notification " + n.id() + ": explanation not posted: " + e.getMessage(), e);
      LOG.warn("Agent(name={}) could not post why notification {} cannot be answered: {}", agent, n.id(), e.getMessage());
      return false;
    }
  }

  /** Marking read is idempotent, so it is retried; a failure leaves it unread and the thread proves the reply. */
  private void markRead(Notification n) {
    try {
      hub.markRead(agent, List.of(n.id()));
    } catch (HubException e) {
      error("notification " + n.id() + ": not marked read: " + e.getMessage(), e);
      LOG.warn("Agent(name={}) notification {} handled but not marked read; a redelivery finds the reply: {}", agent,
          n.id(), e.getMessage());
    }
  }

  private Result result() {
    return new Result(answered, explained, List.copyOf(errors), redisErrors, hubErrors);
  }
}
