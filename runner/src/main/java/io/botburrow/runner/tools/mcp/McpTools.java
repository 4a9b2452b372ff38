package io.botburrow.runner.tools.mcp;

import io.botburrow.runner.mcp.McpSession;
import io.botburrow.runner.mcp.McpToolInfo;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.RedactedTool;
import io.botburrow.secrets.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Turns the tools of an activation's MCP sessions into agent tools, filtered by its grants. */
public final class McpTools {
  public static final int DEFAULT_OUTPUT_CAP_CHARS = 32 * 1024;

  private McpTools() {}

  /** Blocks while each session lists its tools (cached by the session). */
  public static List<AgentTool> offered(List<McpSession> sessions, Set<String> grants) {
    return offered(sessions, grants, Redactor.none());
  }

  /** The same, with the runner's known secrets hidden from every tool result ({@link RedactedTool}). */
  public static List<AgentTool> offered(List<McpSession> sessions, Set<String> grants, Redactor redactor) {
    List<AgentTool> tools = new ArrayList<>();
    for (McpSession session : sessions) {
      for (McpToolInfo tool : session.tools()) {
        if (McpToolGrants.allows(grants, session.server(), tool.name())) {
          tools.add(RedactedTool.wrap(new McpAgentTool(session, tool, DEFAULT_OUTPUT_CAP_CHARS), redactor));
        }
      }
    }
    return List.copyOf(tools);
  }
}
