package io.botburrow.runner.activation;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.Trigger;
import io.botburrow.runner.tools.ActivationTools;
import io.botburrow.agents.AgentConfig;
import io.botburrow.hub.HubClient;
import io.botburrow.llm.ChatMessage;
import io.botburrow.runner.agent.LoopResult;
import io.botburrow.tasks.TaskResult;
import io.botburrow.tasks.TaskState;
import io.botburrow.tasks.TaskStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that came from a schedule, a webhook, an API message or a delegation: runs the trigger's
 * prompt, keeps the result with the task, and posts it in the trigger's Hub thread or, without one,
 * to the definition's output community. Posts carry the Idempotency-Key {@code task:<id>}, so a
 * redelivery does not post twice.
 */
final class TriggeredWork {
  private static final Logger LOG = LoggerFactory.getLogger(TriggeredWork.class);
  private static final int TITLE_CHARS = 80;
  private final HubClient hub;
  private final TaskStore tasks;
  private final Clock clock;
  private final ActivationTools extraTools;

  TriggeredWork(HubClient hub, TaskStore tasks, Clock clock, ActivationTools extraTools) {
    this.extraTools = extraTools;
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
    String key = "task:" + (trigger.taskId() != null ? trigger.taskId() : a.id().value());
    if (!text.isEmpty() && trigger.thread() != null) {
      hub.comment(a.agent(), trigger.thread(), null, text, key);
    } else if (!text.isEmpty() && config.triggers().output().postsToCommunity() && !returnsToDelegator(a)) {
      hub.createPost(a.agent(), config.triggers().output().community(), title(trigger), text, key);
    }
    if (trigger.taskId() != null) {
      tasks.finish(trigger.taskId(), new TaskResult(TaskState.COMPLETED, text, tally.usage().inputTokens(),
          tally.usage().outputTokens(), tally.cost()), clock.instant());
    }
    extraTools.delegatedWorkEnded(a, TaskState.COMPLETED, text);
    LOG.info("Agent(name={}) finished {} ({} characters)", a.agent(), trigger.source(), text.length());
    return "ran " + trigger.source() + ", stop " + result.stopReason().wireName();
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

  // delegated work answers its delegator, not the delegate's community
  private static boolean returnsToDelegator(Activation a) {
    return a.kind() == ActivationKind.DELEGATION && a.trigger().taskId() != null;
  }

  private static String title(Trigger trigger) {
    String source = trigger.source().isBlank() ? "Scheduled work" : trigger.source();
    return source.length() <= TITLE_CHARS ? source : source.substring(0, TITLE_CHARS);
  }
}
