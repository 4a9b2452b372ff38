package io.botburrow.runner.executor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.agents.AgentDefinition;
import io.botburrow.agents.Brain;
import io.botburrow.agents.SandboxSpec;
import io.botburrow.runner.agent.NativeAgentLoop;
import io.botburrow.runner.agent.PromptBuilder;
import io.botburrow.runner.llm.ModelRoute;
import io.botburrow.runner.mcp.gateway.GatewayToolset;
import io.botburrow.runner.mcp.gateway.McpGateway;
import io.botburrow.runner.sandbox.Sandbox;
import io.botburrow.runner.sandbox.SandboxLimits;
import io.botburrow.runner.sandbox.SandboxRequest;
import io.botburrow.runner.sandbox.Sandboxes;
import io.botburrow.secrets.Redactor;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CLI executors this runner can run, each with the image the operator chose for it, and what one
 * activation of a CLI agent needs: the LLM gateway socket, a sandbox from that image with the socket's
 * directory mounted and the CLI's environment, the MCP gateway (its socket in the same directory) and
 * the task template from the definition.
 */
public final class CliExecutors {
  private static final Logger LOG = LoggerFactory.getLogger(CliExecutors.class);
  /** Where the gateway socket's directory is mounted in the sandbox. */
  public static final String SOCKET_MOUNT = "/run/botburrow";
  /** The loopback port the forwarder serves the socket on inside the sandbox. */
  static final int FORWARDER_PORT = 8787;
  /** The MCP gateway's socket, beside the LLM gateway's. */
  public static final String MCP_SOCKET_NAME = "mcp.sock";
  /** The loopback port the forwarder serves the MCP gateway's socket on inside the sandbox. */
  static final int MCP_FORWARDER_PORT = 8788;

  private final Map<String, Cli> clis = new LinkedHashMap<>();
  private final Sandboxes sandboxes;
  private final CliGateway gateway;
  private final Redactor redactor;
  private final ObjectMapper json;
  private final Clock clock;

  /** A CLI and its image. */
  public record Cli(CliAgent agent, String image) {}

  public CliExecutors(List<Cli> clis, Sandboxes sandboxes, CliGateway gateway, Redactor redactor, ObjectMapper json,
      Clock clock) {
    this.json = json;
    clis.forEach(c -> this.clis.put(c.agent().name(), c));
    this.sandboxes = sandboxes;
    this.gateway = gateway;
    this.redactor = redactor;
    this.clock = clock;
  }

  /** Agent types this runner runs with a CLI. */
  public Set<String> types() {
    return clis.keySet();
  }

  public boolean runs(String type) {
    return clis.containsKey(type);
  }

  /**
   * Opens the executor of {@code def}'s type for one activation. Blocks until its sandbox is ready.
   * The caller closes it.
   *
   * @param route where the agent's model is served (the runner's allow-list decided it)
   * @param meter told of every model call the gateway serves for this activation
   * @throws IllegalArgumentException when the type is not one of {@link #types()}
   * @param tools what the activation's MCP gateway serves, on the socket {@code mcp.sock} beside the LLM
   *     gateway's (no gateway when there is nothing to serve)
   * @throws io.botburrow.runner.sandbox.SandboxException when the sandbox cannot be made
   * @throws io.botburrow.runner.mcp.McpException when a sidecar the agent needs cannot start
   */
  public CliExecutor open(String activationId, AgentDefinition def, ModelRoute route, Instant deadline,
      NativeAgentLoop.CallMeter meter, GatewayToolset.Source tools) {
    Cli cli = Optional.ofNullable(clis.get(def.config().type()))
        .orElseThrow(() -> new IllegalArgumentException("no CLI executor for type " + def.config().type()));
    Brain brain = def.config().brain();
    List<String> models = new ArrayList<>(List.of(route.model()));
    if (route.model().equals(brain.model())) {
      brain.modelChain().stream().skip(1).filter(m -> !models.contains(m)).forEach(models::add);
    }
    CliExecutor.Meter counted = new CliExecutor.Meter(meter);
    List<AutoCloseable> closing = new ArrayList<>();
    CliGateway.Access access = gateway.open(def.config().name(), activationId, deadline,
        def.config().behavior().limits().maxTokensPerActivation(), models, route, counted);
    closing.add(access);
    try {
      CliTask template = new CliTask("", PromptBuilder.system(def, List.of()).content(), route.model(),
          Math.max(1, def.config().behavior().maxIterations()), brain.maxTokens(), cli.agent().tools(def.config()));
      Map<String, String> env = new LinkedHashMap<>(cli.agent().environment("http://127.0.0.1:" + FORWARDER_PORT,
          access.token(), template));
      env.put("BOTBURROW_GATEWAY_SOCKET", SOCKET_MOUNT + "/" + CliGateway.SOCKET_NAME);
      env.put("BOTBURROW_GATEWAY_PORT", Integer.toString(FORWARDER_PORT));
      env.put("BOTBURROW_MCP_SOCKET", SOCKET_MOUNT + "/" + MCP_SOCKET_NAME);
      env.put("BOTBURROW_MCP_PORT", Integer.toString(MCP_FORWARDER_PORT));
      SandboxSpec spec = def.config().sandbox();
      SandboxLimits limits = new SandboxLimits(spec.cpus(), spec.memoryBytes(), spec.pidsLimit(), spec.tmpfsBytes());
      Sandbox sandbox = sandboxes.acquire(new SandboxRequest(activationId, def.config().name(), cli.image(), limits, deadline,
          env, List.of(new SandboxRequest.HostDirectory(access.directory().toString(), SOCKET_MOUNT))));
      McpAccess mcp;
      try {
        mcp = openMcp(activationId, def.config().name(), access.directory(), tools, sandbox.workspaceId(), deadline, closing);
      } catch (RuntimeException e) {
        sandbox.close();
        throw e;
      }
      LOG.debug("Agent(name={}) {} executor ready in sandbox {}", def.config().name(), cli.agent().name(), sandbox.id());
      return new CliExecutor(cli.agent(), sandbox, () -> closeAll(closing), counted, template.withMcp(mcp.config()), deadline,
          clock, Redactor.of(List.of(access.token(), mcp.config().token())).with(redactor));
    } catch (RuntimeException e) {
      closeAll(closing);
      throw e;
    }
  }

  private record McpAccess(CliMcpConfig config) {}

  /** Starts the activation's MCP gateway and its socket when there is anything to serve; adds both to {@code closing}. */
  private McpAccess openMcp(String activationId, String agent, Path directory, GatewayToolset.Source source,
      String workspaceId, Instant deadline, List<AutoCloseable> closing) {
    GatewayToolset toolset = source.open(workspaceId);
    closing.add(toolset);
    if (toolset.tools().isEmpty()) {
      return new McpAccess(CliMcpConfig.NONE);
    }
    Duration callTimeout = Duration.between(clock.instant(), deadline);
    McpGateway gateway = new McpGateway(toolset.tools(), json, callTimeout.isNegative() ? Duration.ofSeconds(1) : callTimeout,
        Map.of("activation_id", activationId, "agent", agent));
    closing.add(0, gateway);
    closing.add(0, new UnixSocketProxy(directory.resolve(MCP_SOCKET_NAME), new InetSocketAddress("127.0.0.1", gateway.port())));
    LOG.info("Activation(id={}, agent={}) MCP gateway serves {}", activationId, agent, gateway.served());
    Map<String, String> urls = new LinkedHashMap<>();
    gateway.served().keySet().forEach(server -> urls.put(server, "http://127.0.0.1:" + MCP_FORWARDER_PORT + McpGateway.path(server)));
    return new McpAccess(new CliMcpConfig(urls, gateway.token(), gateway.served()));
  }

  /** In order; never throws. */
  private static void closeAll(List<AutoCloseable> closing) {
    for (AutoCloseable c : closing) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.debug("Executor resource close failed: {}", e.toString());
      }
    }
  }
}
