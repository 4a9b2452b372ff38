package io.botburrow.runner.activation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.agents.AgentDefinition;
import io.botburrow.agents.Brain;
import io.botburrow.hub.HubClient;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatModel;
import io.botburrow.runner.agent.LoopLimits;
import io.botburrow.runner.agent.LoopResult;
import io.botburrow.runner.agent.NativeAgentLoop;
import io.botburrow.runner.agent.PromptBuilder;
import io.botburrow.runner.agent.StopReason;
import io.botburrow.runner.llm.ChatModelSource;
import io.botburrow.runner.llm.ModelRoute;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.hub.HubTools;
import io.botburrow.runner.tools.hub.PostLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One agent's model, tools and limits for the length of one activation. */
final class AgentSession {
  private final AgentDefinition def;
  private final ChatModel model;
  private final ModelRoute route;
  private final ChatModelSource models;
  private final NativeAgentLoop loop;
  private final List<AgentTool> tools;
  private final PostLog posts = new PostLog();
  private final RunTally tally;
  private final Instant deadline;

  AgentSession(
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
    this.def = def;
    this.route = route;
    this.models = models;
    Brain brain = def.config().brain();
    // an operator's override model replaces the agent's whole chain
    List<String> fallbacks = route.model().equals(brain.model())
        ? brain.modelChain().stream().skip(1).toList() : List.of();
    this.model = models.model(route, new ChatModelSource.Scope(def.config().name(), activationId, deadline,
        def.config().behavior().limits().maxTokensPerActivation(), fallbacks));
    this.loop = loop;
    this.tally = tally;
    this.deadline = deadline;
    List<AgentTool> all = new ArrayList<>(HubTools.forAgent(def.config(), hub, json, posts));
    all.addAll(extraTools);
    this.tools = List.copyOf(all);
  }

  LoopResult run(ChatMessage.User task) {
    Brain brain = def.config().brain();
    long tokenBudget = Math.max(1, def.config().behavior().limits().maxTokensPerActivation() - tally.usage().total());
    LoopResult result =
        loop.run(
            model,
            new NativeAgentLoop.ModelSettings(route.model(), brain.temperature(), brain.maxTokens()),
            List.of(PromptBuilder.system(def, tools), task),
            tools,
            new LoopLimits(def.config().behavior().maxIterations(), tokenBudget, deadline),
            models::cost,
            tally);
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
    return def.config().name();
  }
}
