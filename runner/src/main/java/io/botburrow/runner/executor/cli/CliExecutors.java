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
import io.botburrow.runner.memory.MemoryMounts;
import io.botburrow.runner.sandbox.Sandbox;
import io.botburrow.runner.sandbox.SandboxException;
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
  private final MemoryMounts memory;

  /** A CLI and its image. */
  public record Cli(CliAgent agent, String image) {}

  /** @param memory the agents' memory, or null when the runner has none */
  public CliExecutors(List<Cli> clis, Sandboxes sandboxes, CliGateway gateway, Redactor redactor, ObjectMapper json,
      Clock clock, MemoryMounts memory) {
    this.json = json;
    this.memory = memory;
    clis.forEach(c -> this.clis.put(c.agent().name(), c));
    this.sandboxes = sandboxes;
    this.gateway = gateway;
    this.redactor = redactor;
    this.clock = clock;
  }

  /** The same executors with another memory (one tenant's: {@link MemoryMounts#under}). */
  public CliExecutors withMemory(MemoryMounts other) {
    return new CliExecutors(List.copyOf(clis.values()), sandboxes, gateway, redactor, json, clock, other);
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
    SandboxSpec spec = def.config().sandbox();
    SandboxLimits limits = new SandboxLimits(spec.cpus(), spec.memoryBytes(), spec.pidsLimit(), spec.tmpfsBytes());
    // a plain request: a warm container of the CLI's image serves it; what the activation brings goes
    // into the container's own host directories and the command's environment
    Sandbox sandbox = sandboxes.acquire(new SandboxRequest(activationId, def.config().name(), cli.image(), limits, deadline));
    List<AutoCloseable> closing = new ArrayList<>();
    try {
      Sandbox.Attachments attached = sandbox.attachments().orElseThrow(() -> new SandboxException(
          "the sandbox has no host directories for the gateway socket (botburrow.sandbox.attach-dir)", false));
      CliExecutor.Meter counted = new CliExecutor.Meter(meter);
      CliGateway.Access access = gateway.open(def.config().name(), activationId, deadline,
          def.config().behavior().limits().maxTokensPerActivation(), models, route, counted, attached.run());
      closing.add(access);
      MemoryMounts.Loaded remembered = memory == null ? null : memory.load(def.config(), attached);
      String system = PromptBuilder.system(def, List.of()).content();
      if (remembered != null && remembered.any()) {
        system = system + "\n\n" + remembered.prompt();
      }
      List<String> directories = remembered == null ? List.of() : remembered.directories();
      CliTask template = new CliTask("", system, route.model(),
          Math.max(1, def.config().behavior().maxIterations()), brain.maxTokens(), cli.agent().tools(def.config()),
          directories, cli.agent().denied(def.config()));
      Map<String, String> env = new LinkedHashMap<>(cli.agent().environment("http://127.0.0.1:" + FORWARDER_PORT,
          access.token(), template));
      env.put("BOTBURROW_GATEWAY_SOCKET", Sandbox.RUN + "/" + CliGateway.SOCKET_NAME);
      env.put("BOTBURROW_GATEWAY_PORT", Integer.toString(FORWARDER_PORT));
      env.put("BOTBURROW_MCP_SOCKET", Sandbox.RUN + "/" + MCP_SOCKET_NAME);
      env.put("BOTBURROW_MCP_PORT", Integer.toString(MCP_FORWARDER_PORT));
      McpAccess mcp = openMcp(activationId, def.config().name(), attached.run(), tools, sandbox.workspaceId(), deadline,
          closing);
      LOG.debug("Agent(name={}) {} executor ready in sandbox {}", def.config().name(), cli.agent().name(), sandbox.id());
      return new CliExecutor(cli.agent(), sandbox, () -> closeAll(closing), counted, template.withMcp(mcp.config()), env,
          deadline, clock, Redactor.of(List.of(access.token(), mcp.config().token())).with(redactor), remembered);
    } catch (RuntimeException e) {
      closeAll(closing);
      sandbox.close();
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
