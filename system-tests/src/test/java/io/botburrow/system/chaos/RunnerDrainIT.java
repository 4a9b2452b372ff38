package io.botburrow.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.botburrow.devkit.llm.HeldTurn;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.system.chaos.HubUser.Mention;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;

/**
 * A runner gets SIGTERM while its agent waits for the model (as in a Kubernetes rollout): it stops claiming
 * and either finishes within the drain timeout or releases the activation to another runner.
 */
class RunnerDrainIT {
  private static ChaosSystem system;
  private static ServiceProcess coordinator;
  private static Operator operator;

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
    system = new ChaosSystem(List.of("drain-agent-finishes", "drain-agent-released"));
    coordinator = system.launchCoordinator("drain-coordinator", Map.of()).awaitReady();
    operator = system.operator(coordinator);
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
  }

  @Test
  void aDrainingRunnerFinishesItsActivationWithinTheDrainTimeout() {
    String agent = "drain-agent-finishes";
    try (Pair runners = Pair.launch("finish", Map.of("botburrow.runner.drain-timeout", "60s"))) {
      system.llm.enqueueFor(agent, ScriptedTurn.text("Finished while draining.").hold());
      Mention mention = new Mention(agent, system.ron.mention(agent, "please finish before you go"));
      HeldTurn held = system.llm.awaitHeld(Duration.ofSeconds(30));
      ServiceProcess holder = runners.holderOf(agent);

      holder.terminate();
      await().atMost(Duration.ofSeconds(20)).until(() -> holder.output().contains("draining 1 in-flight activation"));
      held.release();

      assertThat(holder.awaitExit(Duration.ofSeconds(30))).as("the runner exits once its work is done").isTrue();
      Replies.awaitExactlyOneEach(system.ron, List.of(mention), Duration.ofSeconds(20));
      assertThat(system.ron.repliesBy(mention.postId(), agent).getFirst().path("content").asText())
          .isEqualTo("Finished while draining.");
    }
  }

  @Test
  void aDrainingRunnerReleasesWhatItCannotFinishAndAnotherRunnerAnswers() {
    String agent = "drain-agent-released";
    try (Pair runners = Pair.launch("release", Map.of("botburrow.runner.drain-timeout", "2s"))) {
      system.llm.enqueueFor(agent, ScriptedTurn.text("Never sent: the runner was stopping.").hold());
      Mention mention = new Mention(agent, system.ron.mention(agent, "what if you have to stop?"));
      HeldTurn held = system.llm.awaitHeld(Duration.ofSeconds(30));
      ServiceProcess holder = runners.holderOf(agent);

      holder.terminate();
      assertThat(holder.awaitExit(Duration.ofSeconds(30))).as("the runner exits after the drain timeout").isTrue();
      Replies.awaitExactlyOneEach(system.ron, List.of(mention), Duration.ofSeconds(20));
      held.release();

      assertThat(system.ron.repliesBy(mention.postId(), agent).getFirst().path("content").asText()).isEqualTo(ChaosSystem.ANSWER);
      assertThat(holder.output()).contains("released for redelivery");
    }
  }

  /** Two runners; the test finds out which one took the work. */
  private record Pair(ServiceProcess a, ServiceProcess b) implements AutoCloseable {
    static Pair launch(String tag, Map<String, String> extra) {
      Pair pair = new Pair(system.launchRunner("drain-" + tag + "-a", extra), system.launchRunner("drain-" + tag + "-b", extra));
      Stream.of(pair.a, pair.b).forEach(ServiceProcess::awaitReady);
      return pair;
    }

    ServiceProcess holderOf(String agent) {
      String id = await().atMost(Duration.ofSeconds(10)).until(() -> operator.runnerOf(agent), Optional::isPresent).orElseThrow();
      return id.equals(a.name()) ? a : b;
    }

    @Override
    public void close() {
      a.close();
      b.close();
    }
  }
}
