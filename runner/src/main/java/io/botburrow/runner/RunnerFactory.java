package io.botburrow.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.hub.HubClient;
import io.botburrow.queue.ActivationClaims;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.queue.EffectLedger;
import io.botburrow.redis.RedisProperties;
import io.botburrow.schedule.ExplorationProperties;
import io.botburrow.schedule.ExplorationSchedule;
import io.botburrow.tasks.TaskStore;
import io.botburrow.runner.activation.ActivationHandler;
import io.botburrow.runner.activation.WorkspaceProvider;
import io.botburrow.runner.executor.cli.CliExecutors;
import io.botburrow.runner.mcp.McpServerCatalog;
import io.botburrow.runner.mcp.McpSidecars;
import io.botburrow.runner.sandbox.RunnerLiveness;
import io.botburrow.runner.sandbox.Sandboxes;
import io.botburrow.runner.sandbox.docker.SandboxProperties;
import io.botburrow.runners.RunnerObserver;
import io.botburrow.runners.RunnerDirectory;
import io.botburrow.runners.RunnerRegistry;
import io.micronaut.core.annotation.Nullable;
import io.botburrow.gateway.Gateway;
import io.botburrow.gateway.GatewayProperties;
import io.botburrow.gateway.cost.PriceTable;
import io.botburrow.runner.llm.ChatModelSource;
import io.botburrow.runner.llm.GatewayChatModelSource;
import io.botburrow.runner.llm.AllowedEndpoints;
import io.botburrow.runner.llm.LlmEndpointProperties;
import io.botburrow.runner.llm.LlmProperties;
import io.botburrow.runner.llm.ModelRouter;
import io.botburrow.secrets.Redactor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.botburrow.activity.AgentActivity;
import io.botburrow.runner.activity.ActivityReporter;
import io.botburrow.runner.activity.PoolAnnouncingRegistry;
import io.botburrow.runner.tools.ActivationTools;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Wires the runner's pipeline from the ports' adapters. */
@Factory
@Requires(env = "runner")
class RunnerFactory {
  /** Longer than the coordinator's window: removing a live runner's container costs more than waiting. */
  static final Duration SANDBOX_DEAD_RUNNER_AFTER = Duration.ofSeconds(30);

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunnerFactory.class);

  @Singleton
  @Named("runnerId")
  String runnerId(RunnerProperties props, @Nullable SandboxProperties sandbox) {
    if (props.id() != null && !props.id().isBlank()) {
      return props.id();
    }
    if (sandbox != null && sandbox.runnerId() != null && !sandbox.runnerId().isBlank()) {
      return sandbox.runnerId();
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "runner";
    }
    return host + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
  }

  @Singleton
  ModelRouter modelRouter(LlmProperties props, List<LlmEndpointProperties> endpoints) {
    return new ModelRouter(props, AllowedEndpoints.from(props, endpoints, System::getenv), System::getenv);
  }

  @Singleton
  ChatModelSource chatModelSource(Gateway gateway, PriceTable prices, LlmProperties props, GatewayProperties gatewayProps) {
    return new GatewayChatModelSource(gateway, prices, props.timeout(), gatewayProps.defaultTenant());
  }

  @Singleton
  RunnerMetrics runnerMetrics(MeterRegistry registry, ActivationQueue queue, RunnerProperties props) {
    return new RunnerMetrics(registry, queue, props.runnerPool());
  }

  @Singleton
  ActivationHandler activationHandler(
      AgentDefinitionStore definitions,
      HubClient hub,
      ModelRouter router,
      ChatModelSource models,
      ObjectMapper json,
      RunnerMetrics metrics,
      Clock clock,
      RunnerProperties props,
      RedisProperties redis,
      EffectLedger effects,
      ExplorationSchedule schedule,
      ExplorationProperties exploration,
      WorkspaceProvider workspaces,
      TaskStore tasks,
      @Nullable CliExecutors cliExecutors,
      List<ActivationTools> extraTools,
      AgentActivity activity,
      @Named("runnerId") String runnerId,
      io.botburrow.channels.slack.SlackProperties slack,
      io.botburrow.channels.discord.DiscordProperties discord,
      io.botburrow.runner.audit.AuditRecorder audit) {
    ActivationTools extras = extraTools.stream().reduce(ActivationTools.NONE, ActivationTools::of);
    return new ActivationHandler(definitions, hub, router, models, json, metrics, clock, props.activationTimeout(),
        redis.maxAttempts(), effects, schedule, exploration.minStaleness(), workspaces, tasks, cliExecutors, extras,
        new ActivityReporter(activity, runnerId, clock),
        io.botburrow.channels.ChannelAdapters.sending(hub, slack, discord, clock), audit);
  }

  @Singleton
  WorkspaceProvider workspaceProvider(
      @Nullable Sandboxes sandboxes, @Nullable McpSidecars sidecars, @Nullable McpServerCatalog catalog, Redactor redactor) {
    if (sandboxes == null) {
      LOG.warn("Sandbox disabled (botburrow.sandbox.enabled=false): agents get Hub tools only, no shell, file or MCP tools");
      return WorkspaceProvider.disabled();
    }
    return new WorkspaceProvider(sandboxes, sidecars, catalog, redactor);
  }

  /** Replaced by any other {@link ClaimObserver} bean, e.g. one registered by a benchmark. */
  @Singleton
  @Secondary
  ClaimObserver noClaimObserver() {
    return ClaimObserver.NONE;
  }

  @Singleton
  @Bean(preDestroy = "close")
  RunnerService runnerService(
      ActivationClaims claims,
      io.botburrow.runner.tenants.TenantActivations handler,
      RunnerProperties props,
      RunnerMetrics metrics,
      @Named("runnerId") String runnerId,
      RunnerRegistry registry,
      ClaimObserver claimObserver,
      AgentActivity activity,
      Clock clock,
      @Nullable RunnerDirectory directory) {
    return new RunnerService(claims, handler, props, metrics, runnerId,
        new PoolAnnouncingRegistry(registry, activity, props.runnerPool(), clock, directory, props.slots()),
        claimObserver, clock);
  }

  /**
   * The sandbox reaper's judge of other runners: dead only after this process watched them for {@link
   * #SANDBOX_DEAD_RUNNER_AFTER} without seeing a heartbeat, so a Redis that lost every heartbeat makes
   * no live runner's container an orphan. On doubt (Redis down) everyone counts as alive.
   */
  @Singleton
  RunnerLiveness runnerLiveness(RunnerRegistry registry, Clock clock) {
    RunnerObserver observer = new RunnerObserver(registry, SANDBOX_DEAD_RUNNER_AFTER, clock);
    return runners -> {
      try {
        return observer.dead(runners);
      } catch (RuntimeException e) {
        return Set.of();
      }
    };
  }
}
