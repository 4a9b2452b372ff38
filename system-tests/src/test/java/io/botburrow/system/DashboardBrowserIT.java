package io.botburrow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.RunnerPool;
import io.botburrow.activation.Trigger;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.leader.LeaderElection;
import io.botburrow.queue.ActivationClaims;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.queue.Lease;
import io.botburrow.devkit.redis.LocalRedis;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in headless Chromium ({@code scripts/dashboard-e2e}, playwright-core from its
 * package-lock) against the whole system with the scripted model: a dead letter and an open circuit
 * are requeued and reset from the page, then a mention's activation appears live, opens with its model
 * and tool calls, tokens and cost, its Hub thread and its log. Needs Chromium, Node and npm: CI has
 * them ({@code scripts/ensure-services.sh test} installs them); elsewhere the test is skipped without.
 */
class DashboardBrowserIT {
  private static final Path SCRIPT_DIR = root().resolve("scripts/dashboard-e2e");
  private static LocalSystem system;

  private static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("scripts/dashboard-e2e"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("the repository's scripts/dashboard-e2e").isNotNull();
    return dir;
  }

  private static Optional<Path> onPath(String command) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(dir -> Path.of(dir, command)).filter(Files::isExecutable).findFirst();
  }

  private static Optional<Path> chromium() {
    String configured = System.getenv("CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    return onPath("chromium").or(() -> onPath("chromium-browser"));
  }

  @BeforeAll
  static void start() throws Exception {
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    boolean tools = chromium().isPresent() && onPath("node").isPresent() && onPath("npm").isPresent();
    if (!tools) {
      assertThat(ci).as("CI must have chromium, node and npm (scripts/ensure-services.sh test installs them)").isFalse();
      Assumptions.abort("chromium, node or npm is not installed");
    }
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
    Path installed = SCRIPT_DIR.resolve("node_modules/.package-lock.json");
    if (!Files.exists(installed)
        || Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(SCRIPT_DIR.resolve("package-lock.json"))) < 0) {
      Result npm = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), Map.of(), 300);
      assertThat(npm.exit()).as("npm ci in %s:\n%s", SCRIPT_DIR, npm.output()).isZero();
    }
    // the runner claims what people wait for; the test plays a runner of scheduled work that fails it,
    // and one delivery only makes that failure a dead letter at once
    system = new LocalSystem(List.of("reader-agent", "echo-agent"), Map.of("botburrow.runner.pool", "notification"), Map.of(),
        Map.of("botburrow.redis.max-attempts", 1));
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> command, Map<String, String> env, long seconds) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(SCRIPT_DIR.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    StringBuilder out = new StringBuilder();
    Thread reader = Thread.ofVirtual().start(() -> {
      try {
        out.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        out.append(e);
      }
    });
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      reader.join(2000);
      throw new AssertionError(command + " did not end within " + seconds + " s:\n" + out);
    }
    reader.join(5000);
    return new Result(process.exitValue(), out.toString());
  }

  /**
   * Enqueues scheduled work of {@code agent} as the coordinator would and fails it as a runner would.
   * Scheduled work comes first in the exploration pool, so the claim gets it before any exploration.
   */
  private static void failScheduledWorkOf(String agent) {
    LeaderElection election = system.coordinator.getBean(LeaderElection.class);
    await().atMost(Duration.ofSeconds(10)).until(election::isLeader);
    ActivationQueue queue = system.coordinator.getBean(ActivationQueue.class);
    ActivationClaims claims = system.coordinator.getBean(ActivationClaims.class);
    Instant now = Instant.now();
    Trigger trigger = new Trigger("dashboard-browser-test-" + now.toEpochMilli(), null, "schedule", "a task that fails", null, null);
    queue.enqueue(Activation.triggered(agent, ActivationKind.SCHEDULE, trigger, now), election.fencingToken().orElseThrow());
    for (int i = 0; i < 10; i++) {
      Lease lease = claims.claim(RunnerPool.EXPLORATION, "test-runner", Duration.ofSeconds(5)).orElseThrow();
      claims.fail(lease, "sandbox image missing (a failure the test makes)");
      if (lease.activation().agent().equals(agent)) {
        return;
      }
    }
    throw new AssertionError("the scheduled work of " + agent + " was never claimed");
  }

  @Test
  void anOperatorRequeuesADeadLetterResetsACircuitAndWatchesAMentionLiveWithItsCallsThreadAndLog() throws Exception {
    HubHttp coordinator = system.coordinatorHttp();
    failScheduledWorkOf("echo-agent");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(coordinator.get("/api/v1/operator/dead-letters", LocalSystem.OPERATOR_KEY).toString()).contains("echo-agent");
      assertThat(coordinator.get("/api/v1/operator/circuits", LocalSystem.OPERATOR_KEY).toString()).contains("echo-agent");
    });
    system.llm.enqueueFor("dashboard check", ScriptedTurn.toolCall("hub_search", "{\"query\":\"redis streams\"}").withUsage(120, 12),
        ScriptedTurn.text("Redis streams are fine.").withUsage(180, 9));

    Map<String, String> env = new HashMap<>();
    env.put("DASHBOARD_URL", URI.create(io.botburrow.cli.Services.url(system.coordinator)).resolve("/dashboard").toString());
    env.put("HUB_URL", system.hub.baseUrl().toString());
    env.put("BOTBURROW_OPERATOR_KEY", LocalSystem.OPERATOR_KEY);
    env.put("AGENT", "reader-agent");
    env.put("MENTION", "@reader-agent dashboard check: what about redis streams?");
    env.put("EXPECT_DEAD_LETTER", "echo-agent");
    env.put("EXPECT_CIRCUIT", "echo-agent");
    chromium().ifPresent(path -> env.put("CHROMIUM", path.toString()));
    Result result = run(List.of("node", "dashboard-e2e.mjs"), env, 90);

    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("the dead letter of echo-agent was requeued from the page")
        .contains("the open circuit of echo-agent was reset from the page")
        .contains("dashboard e2e: live activation, its model and tool calls, thread, log, runners, chart, dead letter requeued, "
            + "circuit reset, Hub comment count: ok");
  }
}
