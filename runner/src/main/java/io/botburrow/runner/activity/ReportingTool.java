package io.botburrow.runner.activity;

import io.botburrow.activation.Activation;
import io.botburrow.llm.ToolSpec;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.ToolOutcome;
import java.util.List;

/** A tool whose calls report the agent as executing, and as thinking again once the model has the result. */
public final class ReportingTool implements AgentTool {
  private final AgentTool tool;
  private final ActivityReporter reporter;
  private final Activation activation;

  private ReportingTool(AgentTool tool, ActivityReporter reporter, Activation activation) {
    this.tool = tool;
    this.reporter = reporter;
    this.activation = activation;
  }

  public static List<AgentTool> wrapAll(List<AgentTool> tools, ActivityReporter reporter, Activation activation) {
    if (reporter == ActivityReporter.NONE) {
      return tools;
    }
    return tools.stream().<AgentTool>map(t -> new ReportingTool(t, reporter, activation)).toList();
  }

  @Override
  public ToolSpec spec() {
    return tool.spec();
  }

  @Override
  public ToolOutcome invoke(String argumentsJson) {
    reporter.executing(activation);
    try {
      return tool.invoke(argumentsJson);
    } finally {
      reporter.thinking(activation);
    }
  }
}
