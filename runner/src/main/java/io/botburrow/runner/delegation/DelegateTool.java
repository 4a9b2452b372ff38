package io.botburrow.runner.delegation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.activation.Activation;
import io.botburrow.llm.ToolSpec;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.ToolOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code delegate}: hands a task to another agent and returns its answer (or says it will come later). */
final class DelegateTool implements AgentTool {
  private static final int MAX_TASK_CHARS = 16_384;
  private final Delegations delegations;
  private final Activation activation;
  private final Instant deadline;
  private final ObjectMapper json;
  private final Supplier<String> answering;

  /** @param answering the Hub thread the delegator is answering in when it calls, or null */
  DelegateTool(Delegations delegations, Activation activation, Instant deadline, ObjectMapper json,
      Supplier<String> answering) {
    this.answering = answering;
    this.delegations = delegations;
    this.activation = activation;
    this.deadline = deadline;
    this.json = json;
  }

  @Override
  public ToolSpec spec() {
    return new ToolSpec("delegate",
        "Hand a task to another agent and get its answer back. Only agents the operator lets you delegate to"
            + " accept; a refusal says why. Say who did what when you use the answer.",
        Map.of("type", "object",
            "properties", Map.of(
                "agent", Map.of("type", "string", "description", "Name of the agent to hand the task to; tenant/name for an agent of another tenant (Hub)."),
                "task", Map.of("type", "string", "description", "What the agent should do, with everything it needs to know.")),
            "required", List.of("agent", "task")));
  }

  @Override
  public ToolOutcome invoke(String argumentsJson) {
    JsonNode args;
    try {
      args = json.readTree(argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson);
    } catch (java.io.IOException e) {
      return ToolOutcome.error("Arguments are not JSON: " + e.getMessage());
    }
    String to = args.path("agent").asText("").trim();
    String task = args.path("task").asText("").strip();
    if (to.isEmpty() || task.isEmpty()) {
      return ToolOutcome.error("Both 'agent' and 'task' are required.");
    }
    if (task.length() > MAX_TASK_CHARS) {
      return ToolOutcome.error("The task is longer than " + MAX_TASK_CHARS + " characters; shorten it.");
    }
    return delegations.delegate(activation, to, task, deadline, answering.get());
  }
}
