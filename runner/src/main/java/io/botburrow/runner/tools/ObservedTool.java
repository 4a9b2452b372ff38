package io.botburrow.runner.tools;

import io.botburrow.llm.ToolSpec;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A tool whose calls are timed, logged (name and outcome, never arguments or output) and told to an observer. */
public final class ObservedTool implements AgentTool {
  private static final Logger LOG = LoggerFactory.getLogger(ObservedTool.class);
  private final AgentTool tool;
  private final String name;
  private final ToolCallObserver observer;

  private ObservedTool(AgentTool tool, String name, ToolCallObserver observer) {
    this.tool = tool;
    this.name = name;
    this.observer = observer;
  }

  /** @param name the tool's name in logs and metrics */
  public static AgentTool wrap(AgentTool tool, String name, ToolCallObserver observer) {
    return observer == ToolCallObserver.NONE ? tool : new ObservedTool(tool, name, observer);
  }

  /** Each tool under its own spec name. */
  public static List<AgentTool> wrapAll(List<AgentTool> tools, ToolCallObserver observer) {
    return tools.stream().map(t -> wrap(t, t.spec().name(), observer)).toList();
  }

  @Override
  public ToolSpec spec() {
    return tool.spec();
  }

  @Override
  public ToolOutcome invoke(String argumentsJson) {
    long started = System.nanoTime();
    String status = ToolCallObserver.FAILED;
    ToolOutcome outcome = null;
    RuntimeException failure = null;
    try {
      outcome = tool.invoke(argumentsJson);
      status = outcome.isError() ? ToolCallObserver.ERROR : ToolCallObserver.OK;
      return outcome;
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      LOG.debug("Tool(name={}) {} in {} ms", name, status, took.toMillis());
      observer.called(name, argumentsJson, outcome, failure, took);
    }
  }
}
