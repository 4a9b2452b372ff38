package io.botburrow.runner.activation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.activation.Activation;
import io.botburrow.agents.AgentDefinition;
import io.botburrow.hub.HubClient;
import io.botburrow.runner.RunnerMetrics;
import io.botburrow.runner.activity.ActivityReporter;
import io.botburrow.runner.activity.ReportingTool;
import io.botburrow.runner.agent.NativeAgentLoop;
import io.botburrow.runner.executor.cli.CliExecutor;
import io.botburrow.runner.executor.cli.CliExecutors;
import io.botburrow.runner.llm.ChatModelSource;
import io.botburrow.runner.llm.ModelRoute;
import io.botburrow.runner.tools.ActivationTools;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.ObservedTool;
import io.botburrow.runner.tools.ToolCallObserver;
import io.botburrow.runner.tools.hub.HubTools;
import io.botburrow.runner.tools.hub.PostLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Opens an agent's session for one run: a CLI agent (claude-code and others) runs in its sandbox through a CLI
 * executor and reaches the runner's tools through the MCP gateway; a native agent runs the tool loop here, in a
 * workspace. Both see the same Hub and activation tools, observed for metrics and the audit trail.
 */
final class AgentSessions {
  private final HubClient hub;
  private final ChatModelSource models;
  private final ObjectMapper json;
  private final RunnerMetrics metrics;
  private final Clock clock;
  private final WorkspaceProvider workspaces;
  private final CliExecutors cliExecutors;
  private final ActivationTools extraTools;
  private final ActivityReporter activity;
  private final NativeAgentLoop loop;

  AgentSessions(HubClient hub, ChatModelSource models, ObjectMapper json, RunnerMetrics metrics, Clock clock,
      WorkspaceProvider workspaces, CliExecutors cliExecutors, ActivationTools extraTools, ActivityReporter activity) {
    this.hub = hub;
    this.models = models;
    this.json = json;
    this.metrics = metrics;
    this.clock = clock;
    this.workspaces = workspaces;
    this.cliExecutors = cliExecutors;
    this.extraTools = extraTools;
    this.activity = activity;
    this.loop = new NativeAgentLoop(clock);
  }

  /** Whether this runner can open the agent's session: native agents always, CLI agents where their executor is. */
  boolean runs(AgentDefinition def) {
    return def.config().isNative() || (cliExecutors != null && cliExecutors.runs(def.config().type()));
  }

  /** Runs {@code work} in the agent's session, closing it (and its sandbox or workspace) afterwards. */
  ActivationOutcome open(ActivationRun run, AgentDefinition def, ModelRoute route,
      Function<AgentSession, ActivationOutcome> work) {
    Activation a = run.activation;
    ToolCallObserver observer = ToolCallObserver.both(
        (tool, status, took) -> metrics.toolCall(a.agent(), run.toolType, tool, status), run.audit);
    if (!def.config().isNative()) {
      // the CLI reaches the same tools as the native loop through the MCP gateway, and a hub_post in the
      // mention's thread becomes the one reply, as there
      PostLog posts = new PostLog();
      List<AgentTool> runnerTools = new ArrayList<>(HubTools.forAgent(def.config(), hub, json, posts));
      runnerTools.addAll(extraTools.offered(a, def.config(), run.deadline, posts::answeringThread));
      CliToolset tools = new CliToolset(a, def.config(), run.deadline, runnerTools, workspaces, workspaces.redactor(),
          tool -> ReportingTool.wrapAll(List.of(ObservedTool.wrap(tool, tool.spec().name(), observer)), activity, a).getFirst());
      try (CliExecutor executor = cliExecutors.open(a.id().value(), def, route, run.deadline, run.audit.metering(run.tally),
          tools)) {
        return work.apply(new AgentSession(a.agent(), executor, posts, run.tally, () -> activity.thinking(a)));
      }
    }
    Instant opening = clock.instant();
    try (AgentWorkspace workspace = workspaces.open(a, def.config(), run.deadline)) {
      PostLog posts = new PostLog();
      List<AgentTool> tools = new ArrayList<>(workspace.tools());
      run.audit.workspace(Duration.between(opening, clock.instant()), tools.stream().map(t -> t.spec().name()).toList());
      tools.addAll(extraTools.offered(a, def.config(), run.deadline, posts::answeringThread));
      return work.apply(AgentSession.nativeLoop(def, route, run.audit.models(models), loop, hub, json, tools, run.tally,
          run.deadline, a.id().value(), a, activity, observer, posts));
    }
  }
}
