package io.botburrow.runner.tools.mcp;

import io.botburrow.runner.mcp.McpSession;
import io.botburrow.runner.mcp.McpToolInfo;
import io.botburrow.runner.tools.AgentTool;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Turns the tools of an activation's MCP sessions into agent tools, filtered by its grants. */
public final class McpTools {
  public static final int DEFAULT_OUTPUT_CAP_CHARS = 32 * 1024;

  private McpTools() {}

  /** Blocks while each session lists its tools (cached by the session). */
  public static List<AgentTool> offered(List<McpSession> sessions, Set<String> grants) {
    List<AgentTool> tools = new ArrayList<>();
    for (McpSession session : sessions) {
      for (McpToolInfo tool : session.tools()) {
        if (McpToolGrants.allows(grants, session.server(), tool.name())) {
          tools.add(new McpAgentTool(session, tool, DEFAULT_OUTPUT_CAP_CHARS));
        }
      }
    }
    return List.copyOf(tools);
  }
}
