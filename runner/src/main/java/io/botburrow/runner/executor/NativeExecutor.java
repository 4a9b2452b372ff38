package io.botburrow.runner.executor;

import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatModel;
import io.botburrow.llm.Usage;
import io.botburrow.runner.agent.LoopLimits;
import io.botburrow.runner.agent.LoopResult;
import io.botburrow.runner.agent.NativeAgentLoop;
import io.botburrow.runner.tools.AgentTool;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/** The {@code native} executor: {@link NativeAgentLoop} in the runner, with the runner's tools. */
public final class NativeExecutor implements AgentExecutor {
  public static final String NAME = "native";
  private final ChatModel model;
  private final NativeAgentLoop.ModelSettings settings;
  private final ChatMessage.System system;
  private final List<AgentTool> tools;
  private final int maxIterations;
  private final long tokenLimit;
  private final LongSupplier tokensUsed;
  private final Instant deadline;
  private final BiFunction<String, Usage, Double> pricing;
  private final NativeAgentLoop.CallMeter meter;
  private final NativeAgentLoop loop;

  /**
   * @param tokenLimit tokens the whole activation may use; each run gets what earlier runs left
   * @param tokensUsed tokens the activation used so far
   */
  public NativeExecutor(NativeAgentLoop loop, ChatModel model, NativeAgentLoop.ModelSettings settings,
      ChatMessage.System system, List<AgentTool> tools, int maxIterations, long tokenLimit, LongSupplier tokensUsed,
      Instant deadline, BiFunction<String, Usage, Double> pricing, NativeAgentLoop.CallMeter meter) {
    this.loop = loop;
    this.model = model;
    this.settings = settings;
    this.system = system;
    this.tools = List.copyOf(tools);
    this.maxIterations = maxIterations;
    this.tokenLimit = tokenLimit;
    this.tokensUsed = tokensUsed;
    this.deadline = deadline;
    this.pricing = pricing;
    this.meter = meter;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public LoopResult run(ChatMessage.User task) {
    long budget = Math.max(1, tokenLimit - tokensUsed.getAsLong());
    return loop.run(model, settings, List.of(system, task), tools, new LoopLimits(maxIterations, budget, deadline), pricing,
        meter);
  }
}
