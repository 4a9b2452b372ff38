package io.botburrow.runner.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import io.botburrow.runner.mcp.McpServerCatalog;
import io.botburrow.runner.mcp.McpSidecars;
import io.botburrow.runner.mcp.SecretResolver;
import io.botburrow.runner.mcp.docker.DockerMcpSidecars;
import io.botburrow.runner.mcp.CredentialSpecs;
import io.botburrow.runner.mcp.McpServerDefinition;
import io.botburrow.runner.mcp.McpProperties;
import io.botburrow.runner.mcp.McpServerProperties;
import io.botburrow.runner.sandbox.RunnerLiveness;
import io.micronaut.context.env.Environment;
import io.botburrow.runner.sandbox.SandboxMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import io.botburrow.runner.executor.ExecutorProperties;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runner beans for the Docker sandbox and MCP sidecars. */
@Factory
@Requires(env = "runner")
@Requires(property = "botburrow.sandbox.enabled", notEquals = "false")
public class SandboxFactory {

  @Singleton
  @Bean(preDestroy = "close")
  DockerClient dockerClient(SandboxProperties properties) {
    return DockerClients.create(properties.dockerHost());
  }

  @Singleton
  SandboxMetrics sandboxMetrics(MeterRegistry registry) {
    return new SandboxMetrics(registry);
  }

  @Singleton
  DockerSandboxConfig dockerSandboxConfig(SandboxProperties properties, ExecutorProperties executors,
      @Named("runnerId") String runnerId) {
    Map<String, Integer> pools = new LinkedHashMap<>();
    pools.put(properties.image(), properties.poolSize());
    if (executors.enabled() && executors.claudeCodePoolSize() > 0) {
      pools.merge(executors.claudeCodeImage(), executors.claudeCodePoolSize(), Integer::sum);
    }
    return new DockerSandboxConfig(runnerId, new NonRootUser(properties.uid(), properties.gid()),
        KeepAlive.SLEEP_LONG, pools, properties.limits(), properties.poolContainerTtl(), properties.stdioCommands(),
        Path.of(properties.attachDir()));
  }

  /** Starts filling the warm pool at once; closing removes the idle warm containers. */
  @Singleton
  @Bean(preDestroy = "close")
  DockerSandboxes dockerSandboxes(DockerClient docker, DockerSandboxConfig config, @Nullable Clock clock,
      SandboxMetrics metrics, List<io.botburrow.runner.sandbox.SandboxEvents> listeners) {
    // the metrics, and whoever else listens (the audit trail): the metrics bean is one of the listeners
    java.util.List<io.botburrow.runner.sandbox.SandboxEvents> all = new java.util.ArrayList<>(listeners);
    if (!all.contains(metrics)) {
      all.addFirst(metrics);
    }
    DockerSandboxes sandboxes = new DockerSandboxes(docker, config, clock == null ? Clock.systemUTC() : clock,
        io.botburrow.runner.sandbox.SandboxEvents.all(all));
    sandboxes.start();
    return sandboxes;
  }

  /** Created at start-up: reaps once at once, then every {@code reaper-period}. */
  @Context
  @Bean(preDestroy = "close")
  SandboxReaper sandboxReaper(DockerClient docker, DockerSandboxConfig config, DockerSandboxes sandboxes,
      SandboxProperties properties, @Nullable RunnerLiveness liveness, @Nullable Clock clock, SandboxMetrics metrics) {
    RunnerLiveness alive = liveness == null ? RunnerLiveness.ASSUME_ALIVE : liveness;
    SandboxReaper reaper = new SandboxReaper(docker, config.runnerId(), alive,
        id -> sandboxes.inUse().contains(id), clock == null ? Clock.systemUTC() : clock, metrics);
    reaper.schedule(properties.reaperPeriod());
    return reaper;
  }

  @Singleton
  McpSidecars mcpSidecars(DockerClient docker, DockerSandboxConfig config, SandboxProperties properties) {
    return new DockerMcpSidecars(docker, new SecretResolver(System::getenv), config.runnerId(), config.user(),
        properties.mcpRequestTimeout());
  }

  /** The built-in servers, the operator's {@code botburrow.mcp.servers.*}, their credentials and allowed custom images. */
  @Singleton
  McpServerCatalog mcpServerCatalog(SandboxProperties properties, McpProperties mcp, List<McpServerProperties> servers,
      Environment environment) {
    McpServerCatalog catalog = McpServerCatalog.builtIn(properties.limits()).allowingCustomImages(mcp.customImages());
    for (McpServerProperties server : servers) {
      catalog = catalog.with(server.definition(properties.limits()));
    }
    // Credentials named in the runner's config (never in agent configs): botburrow.mcp.credentials.<server>
    for (Map.Entry<String, Object> e : environment.getProperties("botburrow.mcp.credentials").entrySet()) {
      McpServerDefinition known = catalog.server(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
          "botburrow.mcp.credentials." + e.getKey() + ": no MCP server of that name (built in or botburrow.mcp.servers)"));
      catalog = catalog.with(CredentialSpecs.withCredentials(known, CredentialSpecs.parse(e.getKey(), String.valueOf(e.getValue()))));
    }
    return catalog;
  }

}
