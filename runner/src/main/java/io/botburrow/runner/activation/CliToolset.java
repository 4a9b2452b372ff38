package io.botburrow.runner.activation;

import io.botburrow.activation.Activation;
import io.botburrow.agents.AgentConfig;
import io.botburrow.runner.mcp.McpSession;
import io.botburrow.runner.mcp.McpToolInfo;
import io.botburrow.runner.mcp.gateway.GatewayTool;
import io.botburrow.runner.mcp.gateway.GatewayToolset;
import io.botburrow.runner.mcp.gateway.McpGateway;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.RedactedTool;
import io.botburrow.runner.tools.mcp.McpAgentTool;
import io.botburrow.runner.tools.mcp.McpToolGrants;
import io.botburrow.runner.tools.mcp.McpTools;
import io.botburrow.secrets.Redactor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What a CLI agent's MCP gateway serves: the runner's tools (Hub, delegation, HTTP) under {@code hub},
 * and each MCP sidecar the agent lists, started as for a native agent, with only the tools its grants
 * allow, under the server's name. The same tool objects as the native loop's, so posting, grants and
 * redaction follow one set of rules.
 */
final class CliToolset implements GatewayToolset.Source {
  private final Activation activation;
  private final AgentConfig config;
  private final Instant deadline;
  private final List<AgentTool> runnerTools;
  private final WorkspaceProvider workspaces;
  private final Redactor redactor;
  private final UnaryOperator<AgentTool> observe;

  /** @param observe wraps each tool so its calls are reported and counted like the native loop's */
  CliToolset(Activation activation, AgentConfig config, Instant deadline, List<AgentTool> runnerTools,
      WorkspaceProvider workspaces, Redactor redactor, UnaryOperator<AgentTool> observe) {
    this.activation = activation;
    this.config = config;
    this.deadline = deadline;
    this.runnerTools = List.copyOf(runnerTools);
    this.workspaces = workspaces;
    this.redactor = redactor;
    this.observe = observe;
  }

  @Override
  public GatewayToolset open(String workspaceId) {
    List<GatewayTool> tools = new ArrayList<>();
    runnerTools.forEach(t -> tools.add(GatewayTool.of(McpGateway.HUB, observe.apply(t))));
    List<McpSession> sessions = new ArrayList<>();
    try {
      workspaces.openSidecars(activation, config, deadline, workspaceId, true, sessions);
      Set<String> grants = new HashSet<>(config.capabilities().grants());
      for (McpSession session : sessions) {
        for (McpToolInfo info : session.tools()) {
          if (McpToolGrants.allows(grants, session.server(), info.name())) {
            AgentTool tool = RedactedTool.wrap(new McpAgentTool(session, info, McpTools.DEFAULT_OUTPUT_CAP_CHARS), redactor);
            tools.add(new GatewayTool(session.server(), info.name(), info.description(), info.inputSchema(),
                observe.apply(tool)));
          }
        }
      }
      return new GatewayToolset(tools, sessions);
    } catch (RuntimeException e) {
      new GatewayToolset(List.of(), sessions).close();
      throw e;
    }
  }
}
