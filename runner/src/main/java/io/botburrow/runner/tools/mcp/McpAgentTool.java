package io.botburrow.runner.tools.mcp;

import io.botburrow.llm.ToolSpec;
import io.botburrow.runner.mcp.McpCallResult;
import io.botburrow.runner.mcp.McpSession;
import io.botburrow.runner.mcp.McpToolInfo;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.ToolOutcome;
import io.botburrow.runner.tools.sandbox.ToolArguments;

/** One tool of an MCP sidecar, offered to the model as {@code <server>__<tool>}. */
public final class McpAgentTool implements AgentTool {
  private final McpSession session;
  private final McpToolInfo tool;
  private final ToolSpec spec;
  private final int outputCapChars;

  public McpAgentTool(McpSession session, McpToolInfo tool, int outputCapChars) {
    this.session = session;
    this.tool = tool;
    this.spec = new ToolSpec(McpToolNames.of(session.server(), tool.name()),
        "[" + session.server() + "] " + tool.description(), tool.inputSchema());
    this.outputCapChars = outputCapChars;
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  /** A server-side error is the model's to see; an unreachable sidecar ({@code McpException}) is thrown. */
  @Override
  public ToolOutcome invoke(String argumentsJson) {
    ToolArguments arguments;
    try {
      arguments = ToolArguments.parse(argumentsJson);
    } catch (IllegalArgumentException e) {
      return ToolOutcome.error(e.getMessage());
    }
    McpCallResult result = session.call(tool.name(), arguments.asMap());
    String text = result.text();
    if (text.length() > outputCapChars) {
      text = text.substring(0, outputCapChars) + "\n[output truncated after " + outputCapChars + " characters]";
    }
    return new ToolOutcome(text, result.isError());
  }
}
