package io.botburrow.runner.agent;

import io.botburrow.llm.BudgetExceededException;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatModel;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ChatResponse;
import io.botburrow.llm.ToolCall;
import io.botburrow.llm.ToolSpec;
import io.botburrow.llm.Usage;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.ToolOutcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code native} executor: reason → call tools → observe, until the model answers or a limit is hit. */
public final class NativeAgentLoop {
  private static final Logger LOG = LoggerFactory.getLogger(NativeAgentLoop.class);
  private final Clock clock;

  public NativeAgentLoop(Clock clock) {
    this.clock = clock;
  }

  /**
   * Runs the loop. Blocks on the model and the tools.
   *
   * @param pricing cost of a usage for a model name
   * @param meter told of each model call's usage and cost
   * @return the result; a call refused because a budget is spent ends the loop with {@link StopReason#BUDGET}
   * @throws io.botburrow.llm.LlmException when the model fails for good
   */
  public LoopResult run(
      ChatModel model,
      ModelSettings settings,
      List<ChatMessage> prompt,
      List<AgentTool> tools,
      LoopLimits limits,
      BiFunction<String, Usage, Double> pricing,
      CallMeter meter) {
    Map<String, AgentTool> byName = new LinkedHashMap<>();
    tools.forEach(t -> byName.put(t.spec().name(), t));
    List<ToolSpec> specs = tools.stream().map(AgentTool::spec).toList();
    List<ChatMessage> transcript = new ArrayList<>(prompt);
    Usage usage = Usage.ZERO;
    double cost = 0;
    String answeredBy = settings.model();
    String text = "";
    for (int i = 1; ; i++) {
      ChatResponse resp;
      try {
        resp = model.chat(new ChatRequest(settings.model(), transcript, specs, settings.temperature(), settings.maxTokens()));
      } catch (BudgetExceededException e) {
        // nothing was sent: the loop ends here, and what the model said so far was no answer yet
        LOG.info("Agent loop stopped after {} iteration(s): budget ({})", i - 1, e.getMessage());
        return new LoopResult("", StopReason.BUDGET, i - 1, usage, cost, answeredBy, e);
      }
      usage = usage.plus(resp.usage());
      answeredBy = resp.model() == null || resp.model().isBlank() ? settings.model() : resp.model();
      double callCost = pricing.apply(answeredBy, resp.usage());
      cost += callCost;
      meter.called(answeredBy, resp.usage(), callCost);
      text = resp.content().isBlank() ? text : resp.content();
      transcript.add(resp.asMessage());
      if (resp.toolCalls().isEmpty()) {
        return new LoopResult(text, StopReason.COMPLETED, i, usage, cost, answeredBy);
      }
      for (ToolCall call : resp.toolCalls()) {
        transcript.add(invoke(byName, call));
      }
      StopReason limit = limitReached(i, usage, limits);
      if (limit != null) {
        LOG.info("Agent loop stopped after {} iteration(s): {}", i, limit.wireName());
        return new LoopResult(text, limit, i, usage, cost, answeredBy);
      }
    }
  }

  private StopReason limitReached(int iterations, Usage usage, LoopLimits limits) {
    if (iterations >= limits.maxIterations()) {
      return StopReason.MAX_ITERATIONS;
    }
    if (usage.total() >= limits.maxTokens()) {
      return StopReason.TOKEN_BUDGET;
    }
    if (!clock.instant().isBefore(limits.deadline())) {
      return StopReason.DEADLINE;
    }
    return null;
  }

  private static ChatMessage.ToolResult invoke(Map<String, AgentTool> tools, ToolCall call) {
    AgentTool tool = tools.get(call.name());
    ToolOutcome outcome;
    if (tool == null) {
      outcome = ToolOutcome.error("Unknown tool '" + call.name() + "'. Available: " + String.join(", ", tools.keySet()));
    } else {
      LOG.debug("Tool(name={}) called", call.name());
      outcome = tool.invoke(call.argumentsJson());
    }
    return new ChatMessage.ToolResult(call.id(), call.name(), outcome.content(), outcome.isError());
  }

  /** Told of every model call as soon as it returns, so usage is counted even if the loop ends badly later. */
  @FunctionalInterface
  public interface CallMeter {
    CallMeter NONE = (model, usage, cost) -> {};

    void called(String model, Usage usage, double costUsd);
  }

  /** Model name and sampling settings from the agent's brain. */
  public record ModelSettings(String model, double temperature, int maxTokens) {}
}
