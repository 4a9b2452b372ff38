package io.botburrow.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.botburrow.devkit.llm.HeldTurn;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A runner is killed with SIGKILL while its agent waits for the model; another runner answers instead. */
class RunnerKilledMidActivationIT {
  private static final String AGENT = "victim-agent";

  @BeforeEach
  void needsRedis() {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
  }

  @Test
  void theActivationOfAKilledRunnerIsRedeliveredToTheOtherRunnerAndAnsweredOnce() {
    try (ChaosSystem system = new ChaosSystem(List.of(AGENT))) {
      ServiceProcess coordinator = system.launchCoordinator("killed-runner-coordinator", Map.of());
      ServiceProcess runnerA = system.launchRunner("runner-a", Map.of());
      ServiceProcess runnerB = system.launchRunner("runner-b", Map.of());
      Stream.of(coordinator, runnerA, runnerB).forEach(ServiceProcess::awaitReady);
      system.llm.enqueueFor(AGENT, ScriptedTurn.text("The killed runner's answer.").hold());

      String postId = system.ron.mention(AGENT, "are you still there after a crash?");
      HeldTurn held = system.llm.awaitHeld(Duration.ofSeconds(30));
      Operator operator = system.operator(coordinator);
      String holder = await().atMost(Duration.ofSeconds(10))
          .until(() -> operator.runnerOf(AGENT), Optional::isPresent).orElseThrow();
      ServiceProcess victim = holder.equals(runnerA.name()) ? runnerA : runnerB;
      victim.kill9();
      held.release();

      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
          .until(() -> system.ron.repliesBy(postId, AGENT).size(), n -> n > 0);
      await().during(Replies.QUIET).atMost(Replies.QUIET.plusSeconds(10)).pollInterval(Duration.ofMillis(250))
          .until(() -> system.ron.repliesBy(postId, AGENT).size(), n -> n == 1);
      assertThat(system.ron.repliesBy(postId, AGENT).getFirst().path("content").asText()).isEqualTo(ChaosSystem.ANSWER);
      assertThat(victim.isAlive()).isFalse();
      await().atMost(Duration.ofSeconds(10)).until(() -> operator.runnerOf(AGENT).isEmpty());
    }
  }
}
