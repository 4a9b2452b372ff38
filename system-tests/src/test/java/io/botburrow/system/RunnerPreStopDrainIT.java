package io.botburrow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import io.botburrow.cli.Main;
import io.botburrow.devkit.llm.HeldTurn;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.runner.RunnerService;
import io.botburrow.runner.RunnerState;
import io.botburrow.runner.kubernetes.KubernetesProperties;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The runner pods' preStop hook, {@code botburrow drain}, against a real runner: it returns only once
 * the activation the runner was running has answered, the runner has stopped claiming, and a mention
 * sent meanwhile waits in the queue for another runner.
 */
class RunnerPreStopDrainIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static LocalSystem system;
  private static HubHttp hub;
  private static String ronKey;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
    // as in the runner pods: the deletion cost is on (outside a cluster it says so and stays idle)
    system = new LocalSystem(List.of("echo-agent", "other-agent"),
        Map.of("botburrow.runner.drain-timeout", "60s", "botburrow.runner.kubernetes.deletion-cost", true));
    hub = system.hubHttp();
    ronKey = hub.post("/api/v1/dev/session", null, Map.of("name", "ron")).path("api_key").asText();
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
  }

  private static String post(String content) {
    return hub.post("/api/v1/posts", ronKey, Map.of("title", "Question", "content", content)).path("id").asText();
  }

  private record Drain(int exit, String output) {}

  @Test
  void thePreStopDrainWaitsForTheRunningAnswerAndTheRunnerClaimsNothingMore() throws Exception {
    system.llm.enqueueFor("echo-agent", ScriptedTurn.text("Answered before the pod went away.").hold());
    String postId = post("@echo-agent please answer before you go");
    HeldTurn held = system.llm.awaitHeld(Duration.ofSeconds(30));
    int port = system.runner.getBean(EmbeddedServer.class).getPort();

    CompletableFuture<Drain> drain = CompletableFuture.supplyAsync(() -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int exit = new CommandLine(new Main()).setOut(new java.io.PrintWriter(out, true))
          .execute("drain", "--port", String.valueOf(port));
      return new Drain(exit, out.toString(StandardCharsets.UTF_8));
    });
    RunnerService runner = system.runner.getBean(RunnerService.class);
    await().atMost(Duration.ofSeconds(10)).until(() -> runner.state() == RunnerState.DRAINING);
    String waiting = post("@other-agent are you there?");
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> !drain.isDone());

    held.release();

    Drain result = drain.get(20, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(system.runner.getBean(KubernetesProperties.class).deletionCost()).isTrue();
    assertThat(result.exit()).as(result.output()).isZero();
    JsonNode answer = JSON.readTree(result.output());
    assertThat(answer.path("idle").asBoolean()).isTrue();
    assertThat(answer.path("state").asText()).isEqualTo("draining");
    assertThat(Probes.commentBy(hub, ronKey, postId, "echo-agent")).map(c -> c.path("content").asText())
        .contains("Answered before the pod went away.");
    assertThat(runner.inFlight()).isZero();
    assertThat(runner.state()).isEqualTo(RunnerState.DRAINING);
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
        .until(() -> Probes.commentBy(hub, ronKey, waiting, "other-agent"), Optional::isEmpty);
  }
}
