package io.botburrow.runner.activation;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.Trigger;
import io.botburrow.channels.Platform;
import io.botburrow.channels.ReplyTarget;
import io.botburrow.runner.tools.ActivationTools;
import io.botburrow.agents.AgentConfig;
import io.botburrow.hub.HubClient;
import io.botburrow.llm.ChatMessage;
import io.botburrow.runner.agent.LoopResult;
import io.botburrow.tasks.TaskResult;
import io.botburrow.tasks.TaskState;
import io.botburrow.tasks.TaskStore;
import io.botburrow.queue.QueueUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that came from a schedule, a webhook, an API message, a Slack or Discord message or a
 * delegation: runs the trigger's prompt, keeps the result with the task, and sends it through the
 * messaging port to where the work came from (the Slack or Discord thread, the trigger's Hub thread)
 * or, without one, to the definition's output community. Replies carry the idempotency key
 * {@code task:<id>}, so a redelivery does not post twice.
 */
final class TriggeredWork {
  private static final Logger LOG = LoggerFactory.getLogger(TriggeredWork.class);
  private static final int TITLE_CHARS = 80;
  private final HubClient hub;
  private final TaskStore tasks;
  private final Clock clock;
  private final ActivationTools extraTools;
  /** The pauses between tries to record a finished task while Redis is out of reach: about 20 s in all. */
  static final List<Duration> FINISH_PAUSES = List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
      Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(4));
  private final ChannelReplies channels;

  TriggeredWork(HubClient hub, TaskStore tasks, Clock clock, ActivationTools extraTools, ChannelReplies channels) {
    this.extraTools = extraTools;
    this.channels = channels;
    this.hub = hub;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** False when the task was canceled (or already finished) before this run could start it. */
  boolean start(Activation a) {
    String taskId = a.trigger().taskId();
    return taskId == null || tasks.start(taskId, a.id().value(), clock.instant()).isPresent();
  }

  String run(Activation a, AgentConfig config, AgentSession session, RunTally tally) {
    Trigger trigger = a.trigger();
    LoopResult result = session.run(new ChatMessage.User(trigger.prompt()));
    String text = result.finalText() == null ? "" : result.finalText().strip();
    String key = replyKey(a);
    if (!text.isEmpty() && answersOnPlatform(a)) {
      channels.send(a.agent(), trigger.replyTo(), text, key);
    } else if (!text.isEmpty() && trigger.thread() != null) {
      channels.send(a.agent(), ReplyTarget.hub(trigger.thread(), null), text, key);
    } else if (!text.isEmpty() && config.triggers().output().postsToCommunity() && !returnsToDelegator(a)) {
      hub.createPost(a.agent(), config.triggers().output().community(), title(trigger), text, key);
    }
    if (trigger.taskId() != null) {
      finish(trigger.taskId(), new TaskResult(TaskState.COMPLETED, text, tally.usage().inputTokens(),
          tally.usage().outputTokens(), tally.cost()));
    }
    extraTools.delegatedWorkEnded(a, TaskState.COMPLETED, text);
    LOG.info("Agent(name={}) finished {} ({} characters)", a.agent(), trigger.source(), text.length());
    return "ran " + trigger.source() + ", stop " + result.stopReason().wireName();
  }

  /**
   * Records the task's result once the work is done. Redis out of reach for a moment (a frozen primary, a failover)
   * is waited out, up to {@link #FINISH_PAUSES}: a run handed back for its bookkeeping alone would ask the model
   * again, and the run after it would find the task finished and stop at its start.
   *
   * @throws QueueUnavailableException when Redis stays out of reach (the run is handed back)
   */
  private void finish(String taskId, TaskResult result) {
    for (int attempt = 0; ; attempt++) {
      try {
        tasks.finish(taskId, result, clock.instant());
        if (attempt > 0) {
          LOG.info("Task {} recorded after Redis answered again ({} tries)", taskId, attempt + 1);
        }
        return;
      } catch (QueueUnavailableException e) {
        if (attempt >= FINISH_PAUSES.size()) {
          throw e;
        }
        if (attempt == 0) {
          LOG.warn("Task {} not recorded yet, waiting for Redis: {}", taskId, e.getMessage());
        }
        try {
          Thread.sleep(FINISH_PAUSES.get(attempt));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** Records a failure that will not be retried with the task. */
  void failed(Activation a, String error, RunTally tally) {
    String taskId = a.trigger() == null ? null : a.trigger().taskId();
    if (taskId != null) {
      tasks.finish(taskId, new TaskResult(TaskState.FAILED, error, tally.usage().inputTokens(),
          tally.usage().outputTokens(), tally.cost()), clock.instant());
    }
    extraTools.delegatedWorkEnded(a, TaskState.FAILED, error);
  }

  /** The idempotency key of the activation's one reply. */
  static String replyKey(Activation a) {
    return "task:" + (a.trigger().taskId() != null ? a.trigger().taskId() : a.id().value());
  }

  /** Whether the work came from Slack or Discord and is answered there. */
  static boolean answersOnPlatform(Activation a) {
    return a.trigger() != null && a.trigger().replyTo() != null && a.trigger().replyTo().platform() != Platform.HUB;
  }

  /** Tells the person on Slack or Discord why the agent cannot answer, in place of the answer. */
  void explain(Activation a, String explanation) {
    channels.send(a.agent(), a.trigger().replyTo(), explanation, replyKey(a));
  }

  // delegated work answers its delegator, not the delegate's community
  private static boolean returnsToDelegator(Activation a) {
    return a.kind() == ActivationKind.DELEGATION && a.trigger().taskId() != null;
  }

  private static String title(Trigger trigger) {
    String source = trigger.source().isBlank() ? "Scheduled work" : trigger.source();
    return source.length() <= TITLE_CHARS ? source : source.substring(0, TITLE_CHARS);
  }
}
