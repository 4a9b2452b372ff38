package io.botburrow.runner.activation;

import io.botburrow.activation.Activation;
import io.botburrow.agents.AgentConfig;
import io.botburrow.agents.McpServerSpec;
import io.botburrow.agents.SandboxSpec;
import io.botburrow.runner.mcp.McpException;
import io.botburrow.runner.mcp.McpServerCatalog;
import io.botburrow.runner.mcp.McpServerDefinition;
import io.botburrow.runner.mcp.McpServerRequest;
import io.botburrow.runner.mcp.McpSession;
import io.botburrow.runner.mcp.McpSidecars;
import io.botburrow.runner.mcp.SidecarContext;
import io.botburrow.runner.sandbox.Sandbox;
import io.botburrow.runner.sandbox.SandboxLimits;
import io.botburrow.runner.sandbox.SandboxRequest;
import io.botburrow.runner.sandbox.Sandboxes;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.mcp.McpTools;
import io.botburrow.runner.tools.sandbox.SandboxToolOffer;
import io.botburrow.runner.tools.sandbox.SandboxTools;
import io.botburrow.runner.tools.sandbox.ShellRules;
import io.botburrow.secrets.Redactor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives an activation the sandbox and MCP sidecars its agent's capabilities ask for. Without a Docker
 * engine ({@code sandboxes} null) the agent still runs, with Hub tools only.
 */
public final class WorkspaceProvider {
  private static final Logger LOG = LoggerFactory.getLogger(WorkspaceProvider.class);
  /** In {@code mcp_servers}, the runner's Hub tools rather than a sidecar. */
  static final String HUB_SERVER = "hub";
  private final Sandboxes sandboxes;
  private final McpSidecars sidecars;
  private final McpServerCatalog catalog;
  private final Redactor redactor;

  public WorkspaceProvider(Sandboxes sandboxes, McpSidecars sidecars, McpServerCatalog catalog) {
    this(sandboxes, sidecars, catalog, Redactor.none());
  }

  /** @param redactor hides the runner's known secrets in every sandbox and MCP tool output */
  public WorkspaceProvider(Sandboxes sandboxes, McpSidecars sidecars, McpServerCatalog catalog, Redactor redactor) {
    this.sandboxes = sandboxes;
    this.sidecars = sidecars;
    this.catalog = catalog;
    this.redactor = redactor;
  }

  /** Hides the runner's known secrets in tool output. */
  Redactor redactor() {
    return redactor;
  }

  public static WorkspaceProvider disabled() {
    return new WorkspaceProvider(null, null, null);
  }

  /** Needs a container for this agent at all? */
  static boolean needsContainers(AgentConfig config) {
    Set<String> grants = new HashSet<>(config.capabilities().grants());
    return SandboxToolOffer.needsSandbox(config.capabilities().shell().enabled(), grants)
        || config.capabilities().mcpServers().stream().anyMatch(s -> !(s.isBuiltin() && s.name().equals(HUB_SERVER)));
  }

  /** Blocks until the containers are ready. The caller closes the workspace. */
  AgentWorkspace open(Activation a, AgentConfig config, Instant deadline) {
    if (!needsContainers(config)) {
      return AgentWorkspace.NONE;
    }
    if (sandboxes == null) {
      LOG.warn("Agent(name={}) asks for shell, file or MCP tools but the sandbox is disabled; offering Hub tools only", a.agent());
      return AgentWorkspace.NONE;
    }
    SandboxSpec spec = config.sandbox();
    SandboxLimits limits = new SandboxLimits(spec.cpus(), spec.memoryBytes(), spec.pidsLimit(), spec.tmpfsBytes());
    Sandbox sandbox = sandboxes.acquire(new SandboxRequest(a.id().value(), a.agent(), spec.image(), limits, deadline));
    List<McpSession> sessions = new ArrayList<>();
    try {
      Set<String> grants = new HashSet<>(config.capabilities().grants());
      List<AgentTool> tools = new ArrayList<>(
          SandboxTools.create(sandbox, config.capabilities().shell().enabled(), grants, shellRules(config), redactor));
      openSidecars(a, config, deadline, sandbox.workspaceId(), false, sessions);
      tools.addAll(McpTools.offered(sessions, grants, redactor));
      return new AgentWorkspace(sandbox, sessions, tools);
    } catch (RuntimeException e) {
      new AgentWorkspace(sandbox, sessions, List.of()).close();
      throw e;
    }
  }

  /**
   * Starts the MCP sidecars {@code config} lists, for a sandbox whose workspace is {@code workspaceId},
   * adding each session to {@code sessions} as soon as it is open (the caller closes them, also when
   * this throws). {@code hub} is not a sidecar: it names the runner's own Hub tools.
   *
   * @param forGateway for a CLI agent's MCP gateway, which serves only what the grants allow: a server
   *     no grant names is not started, and one that cannot run for good (image or credential missing)
   *     is left out with a warning instead of failing the activation; an unknown or not allowed server
   *     fails it either way
   * @throws io.botburrow.runner.mcp.McpException when a sidecar cannot start
   */
  void openSidecars(Activation a, AgentConfig config, Instant deadline, String workspaceId, boolean forGateway,
      List<McpSession> sessions) {
    if (sidecars == null) {
      return;
    }
    SandboxSpec spec = config.sandbox();
    SandboxLimits limits = new SandboxLimits(spec.cpus(), spec.memoryBytes(), spec.pidsLimit(), spec.tmpfsBytes());
    for (McpServerSpec server : config.capabilities().mcpServers()) {
      if (server.isBuiltin() && server.name().equals(HUB_SERVER)
          || forGateway && config.capabilities().grants().stream().noneMatch(g -> g.startsWith(server.name() + ":"))) {
        continue;
      }
      McpServerRequest request = new McpServerRequest(server.name(), server.image(), server.command(), server.args(), server.env());
      // a server neither in the catalog nor allowed by the operator is the definition's fault: the
      // person hears that the configuration is not allowed, CLI agent or not
      McpServerDefinition definition = catalog.resolve(request, limits);
      try {
        sessions.add(sidecars.open(definition, new SidecarContext(a.id().value(), a.agent(), deadline, workspaceId)));
      } catch (McpException e) {
        if (!forGateway || e.retryable()) {
          throw e;
        }
        LOG.warn("Activation(id={}, agent={}) MCP server {} left out: {}", a.id(), a.agent(), server.name(), e.getMessage());
      }
    }
  }

  private static ShellRules shellRules(AgentConfig config) {
    var shell = config.capabilities().shell();
    return new ShellRules(shell.allowedCommands(), shell.blockedPatterns(), shell.timeoutSeconds());
  }
}
