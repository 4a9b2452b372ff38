package io.botburrow.runner.activation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.agents.AgentDefinition;
import io.botburrow.agents.Brain;
import io.botburrow.hub.HubClient;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatModel;
import io.botburrow.runner.agent.LoopResult;
import io.botburrow.runner.agent.NativeAgentLoop;
import io.botburrow.runner.agent.PromptBuilder;
import io.botburrow.runner.agent.StopReason;
import io.botburrow.runner.executor.AgentExecutor;
import io.botburrow.runner.executor.NativeExecutor;
import io.botburrow.runner.llm.ChatModelSource;
import io.botburrow.runner.llm.ModelRoute;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.ObservedTool;
import io.botburrow.runner.tools.ToolCallObserver;
import io.botburrow.runner.tools.hub.HubTools;
import io.botburrow.runner.tools.hub.PostLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import io.botburrow.activation.Activation;
import io.botburrow.runner.activity.ActivityReporter;
import io.botburrow.runner.activity.ReportingTool;

/** One agent's executor and the posts it made, for the length of one activation. */
final class AgentSession {
  private final String agent;
  private final AgentExecutor executor;
  private final PostLog posts;
  private final RunTally tally;
  private final Runnable onThinking;

  AgentSession(String agent, AgentExecutor executor, PostLog posts, RunTally tally) {
    this(agent, executor, posts, tally, () -> { });
  }

  /** With {@code onThinking} told before each run of the executor (agent state for the agent API). */
  AgentSession(String agent, AgentExecutor executor, PostLog posts, RunTally tally, Runnable onThinking) {
    this.agent = agent;
    this.executor = executor;
    this.posts = posts;
    this.tally = tally;
    this.onThinking = onThinking;
  }

  /** The {@code native} executor with the Hub tools and {@code extraTools}, every model call through the gateway. */
  static AgentSession nativeLoop(
      AgentDefinition def,
      ModelRoute route,
      ChatModelSource models,
      NativeAgentLoop loop,
      HubClient hub,
      ObjectMapper json,
      List<AgentTool> extraTools,
      RunTally tally,
      Instant deadline,
      String activationId) {
    return nativeLoop(def, route, models, loop, hub, json, extraTools, tally, deadline, activationId, null,
        ActivityReporter.NONE, ToolCallObserver.NONE, new PostLog());
  }

  /**
   * With {@code activity}, the session reports {@code activation} thinking and its tool calls executing;
   * {@code observer} hears of every tool call.
   */
  static AgentSession nativeLoop(
      AgentDefinition def,
      ModelRoute route,
      ChatModelSource models,
      NativeAgentLoop loop,
      HubClient hub,
      ObjectMapper json,
      List<AgentTool> extraTools,
      RunTally tally,
      Instant deadline,
      String activationId,
      Activation activation,
      ActivityReporter activity,
      ToolCallObserver observer,
      PostLog posts) {
    Brain brain = def.config().brain();
    // an operator's override model replaces the agent's whole chain
    List<String> fallbacks = route.model().equals(brain.model())
        ? brain.modelChain().stream().skip(1).toList() : List.of();
    long tokenLimit = def.config().behavior().limits().maxTokensPerActivation();
    ChatModel model = models.model(route, new ChatModelSource.Scope(def.config().name(), activationId, deadline,
        tokenLimit, fallbacks));
    List<AgentTool> all = new ArrayList<>(HubTools.forAgent(def.config(), hub, json, posts));
    all.addAll(extraTools);
    List<AgentTool> observed = ObservedTool.wrapAll(all, observer);
    List<AgentTool> tools = activation == null ? observed : ReportingTool.wrapAll(observed, activity, activation);
    NativeExecutor executor = new NativeExecutor(loop, model,
        new NativeAgentLoop.ModelSettings(route.model(), brain.temperature(), brain.maxTokens()),
        PromptBuilder.system(def, tools), tools, def.config().behavior().maxIterations(), tokenLimit,
        () -> tally.usage().total(), deadline, models::cost, tally);
    Runnable onThinking = activation == null ? () -> { } : () -> activity.thinking(activation);
    return new AgentSession(def.config().name(), executor, posts, tally, onThinking);
  }

  LoopResult run(ChatMessage.User task) {
    onThinking.run();
    LoopResult result = executor.run(task);
    tally.loopDone(result);
    if (result.stopReason() == StopReason.BUDGET && result.budget() != null) {
      // whoever posts the result posts why there is none
      return result.withFinalText(CannotAnswer.budgetSpent(result.budget()));
    }
    return result;
  }

  PostLog posts() {
    return posts;
  }

  String agent() {
    return agent;
  }

  String executorName() {
    return executor.name();
  }
}
