package io.botburrow.runner.mcp.docker;

import com.github.dockerjava.api.DockerClient;
import io.botburrow.runner.mcp.McpException;
import io.botburrow.runner.mcp.McpServerDefinition;
import io.botburrow.runner.mcp.McpSession;
import io.botburrow.runner.mcp.McpSidecars;
import io.botburrow.runner.mcp.SdkMcpSession;
import io.botburrow.runner.mcp.SecretResolver;
import io.botburrow.runner.mcp.SidecarContext;
import io.botburrow.runner.sandbox.docker.ContainerRemover;
import io.botburrow.runner.sandbox.docker.ContainerSpec;
import io.botburrow.runner.sandbox.docker.DockerContainerCreator;
import io.botburrow.runner.sandbox.docker.ManagedLabels;
import io.botburrow.runner.sandbox.docker.NetworkMode;
import io.botburrow.runner.sandbox.docker.NonRootUser;
import io.botburrow.runner.sandbox.docker.SandboxHardening;
import io.botburrow.runner.sandbox.docker.WorkspaceVolume;
import io.botburrow.secrets.Redactor;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each MCP server as its own hardened container: the sandbox baseline (read-only root, no
 * capabilities, non-root, init, limits), the network its definition names ({@code none} by default),
 * the activation's workspace when it works on files, and its own credentials only.
 */
public final class DockerMcpSidecars implements McpSidecars {
  private static final Logger LOG = LoggerFactory.getLogger(DockerMcpSidecars.class);
  private static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(10);

  private final DockerClient docker;
  private final DockerContainerCreator creator;
  private final ContainerRemover remover;
  private final SecretResolver secrets;
  private final String runnerId;
  private final NonRootUser user;
  private final Duration requestTimeout;

  public DockerMcpSidecars(DockerClient docker, SecretResolver secrets, String runnerId, NonRootUser user,
      Duration requestTimeout) {
    this.docker = docker;
    this.creator = new DockerContainerCreator(docker);
    this.remover = new ContainerRemover(docker);
    this.secrets = secrets;
    this.runnerId = runnerId;
    this.user = user;
    this.requestTimeout = requestTimeout;
  }

  @Override
  public McpSession open(McpServerDefinition server, SidecarContext context) {
    Map<String, String> credentials = secrets.resolve(server.name(), server.credentials());
    long started = System.nanoTime();
    String containerId = create(server, context, credentials);
    DockerStdioTransport transport = new DockerStdioTransport(docker, containerId, server.name(),
        McpJsonDefaults.getMapper(), ATTACH_TIMEOUT, Redactor.of(credentials.values()));
    McpSyncClient client = McpClient.sync(transport).requestTimeout(requestTimeout)
        .initializationTimeout(requestTimeout)
        .clientInfo(new McpSchema.Implementation("botburrow-runner", "0.1.0")).build();
    try {
      client.initialize();
    } catch (RuntimeException e) {
      client.close();
      remover.remove(containerId, null);
      String stderr = String.join("\n", transport.stderrTail());
      throw new McpException("MCP server " + server.name() + " did not initialize: " + e.getMessage()
          + (stderr.isEmpty() ? "" : "\nserver stderr:\n" + stderr), true, e);
    }
    LOG.info("Activation(id={}, agent={}) MCP server {} ready in {} ms", context.activationId(), context.agent(),
        server.name(), (System.nanoTime() - started) / 1_000_000);
    return new SdkMcpSession(server.name(), client, () -> remover.remove(containerId, null));
  }

  private String create(McpServerDefinition server, SidecarContext context, Map<String, String> credentials) {
    ContainerSpec.Builder spec = ContainerSpec.builder(server.image())
        .apply(SandboxHardening.baseline(server.limits(), user))
        .apply(java.util.List.of(new NetworkMode(server.network()),
            ManagedLabels.of(ManagedLabels.ROLE_SIDECAR, context.activationId(), context.agent(), runnerId,
                context.expiresAt())))
        .label("io.botburrow.mcp-server", server.name())
        .attachStdio(true)
        .command(server.command());
    if (server.mountsWorkspace() && context.workspaceId() != null) {
      spec.apply(java.util.List.of(new WorkspaceVolume(context.workspaceId())));
    }
    server.env().forEach(spec::env);
    credentials.forEach(spec::env);
    String name = "botburrow-mcp-" + server.name() + "-" + UUID.randomUUID().toString().substring(0, 8);
    try {
      return creator.create(spec.build(), name);
    } catch (RuntimeException e) {
      throw new McpException("cannot create MCP sidecar " + server.name() + " from " + server.image() + ": "
          + e.getMessage(), !(e instanceof com.github.dockerjava.api.exception.NotFoundException), e);
    }
  }
}
