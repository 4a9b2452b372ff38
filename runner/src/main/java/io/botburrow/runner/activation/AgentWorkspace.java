package io.botburrow.runner.activation;

import io.botburrow.runner.mcp.McpSession;
import io.botburrow.runner.sandbox.Sandbox;
import io.botburrow.runner.tools.AgentTool;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The containers one activation works with (its sandbox and MCP sidecars) and the tools they give.
 * Closing removes every container, however the activation ended.
 */
public final class AgentWorkspace implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AgentWorkspace.class);
  static final AgentWorkspace NONE = new AgentWorkspace(null, List.of(), List.of());
  private final Sandbox sandbox;
  private final List<McpSession> sidecars;
  private final List<AgentTool> tools;

  AgentWorkspace(Sandbox sandbox, List<McpSession> sidecars, List<AgentTool> tools) {
    this.sandbox = sandbox;
    this.sidecars = List.copyOf(sidecars);
    this.tools = List.copyOf(tools);
  }

  public List<AgentTool> tools() {
    return tools;
  }

  @Override
  public void close() {
    List<AutoCloseable> all = new ArrayList<>(sidecars);
    if (sandbox != null) {
      all.add(sandbox);
    }
    for (AutoCloseable c : all) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("Container could not be removed now; the reaper removes it later: {}", e.toString());
      }
    }
  }
}
