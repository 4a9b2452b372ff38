package io.botburrow.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.devkit.agents.ScriptedAgents;
import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.system.chaos.HubUser.Mention;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis loses its state three times and runners are killed with -9 while they post replies: the
 * reply rules (the thread read before posting, the claim, the lease check, the Idempotency-Key) keep
 * every mention answered exactly once.
 */
class RedisStormIT {

  @BeforeEach
  void needsRedis() {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
  }

  /**
   * Three restarts while 100 mentions are being answered, each reply held by the Hub for a while after
   * it was stored (so that runners are killed with -9 while they post), and the answer to the post lost
   * (504): every mention still gets exactly one reply.
   */
  @Test
  void everyMentionIsAnsweredExactlyOnceThroughThreeRestartsAndRunnersKilledMidPost() throws Exception {
    List<String> agents = ScriptedAgents.names("storm-agent", 10, 2);
    try (ChaosSystem system = new ChaosSystem(agents)) {
      ServiceProcess coordinator = system.launchCoordinator("redis-storm-coordinator", Map.of());
      ServiceProcess first = system.launchRunner("redis-storm-runner-1", Map.of());
      ServiceProcess second = system.launchRunner("redis-storm-runner-2", Map.of());
      Stream.of(coordinator, first, second).forEach(ServiceProcess::awaitReady);
      system.hubAdmin().post("/api/v1/dev/faults", Map.of("status", 504, "seconds", 20, "after_handling", true,
          "route", "POST /api/v1/posts/*/comments", "delay_seconds", 1.5));

      List<Mention> mentions = system.ron.mentionRoundRobin(agents, 100, "storm");
      Thread.sleep(1_500);
      first.kill9();
      system.redis.restart();
      ServiceProcess third = system.launchRunner("redis-storm-runner-3", Map.of()).awaitReady();
      Thread.sleep(2_000);
      system.redis.restart();
      second.kill9();
      system.launchRunner("redis-storm-runner-4", Map.of()).awaitReady();
      Thread.sleep(2_000);
      third.kill9();
      system.redis.restart();
      system.launchRunner("redis-storm-runner-5", Map.of()).awaitReady();

      Replies.awaitExactlyOneEach(system.ron, mentions, Duration.ofSeconds(150));
      assertThat(coordinator.isAlive()).isTrue();
    }
  }
}
