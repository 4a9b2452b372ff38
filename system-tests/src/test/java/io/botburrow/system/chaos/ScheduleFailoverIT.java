package io.botburrow.system.chaos;

import static io.botburrow.system.chaos.ScheduleTicks.AGENT;
import static io.botburrow.system.chaos.ScheduleTicks.fireTimes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.botburrow.devkit.redis.LocalRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A schedule firing every five seconds keeps firing each tick exactly once while the leading
 * coordinator is killed with SIGKILL twice: fires due while nothing led run once on recovery, and
 * none runs twice. What is counted is what a person sees (one post per fire time in the output
 * community) and what the model was asked (one run per fire time).
 */
class ScheduleFailoverIT {
  @BeforeEach
  void needsRedis() {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
  }

  @Test
  void aScheduleFiresEachTickExactlyOnceThroughTwoLeaderKills() {
    try (ChaosSystem system = new ChaosSystem(List.of(AGENT))) {
      system.define(AGENT, ScheduleTicks.DEFINITION);
      ServiceProcess first = system.launchCoordinator("coordinator-1", ScheduleTicks.COORDINATOR).awaitReady();
      ServiceProcess runner = system.launchRunner("schedule-runner", Map.of()).awaitReady();
      await().atMost(Duration.ofSeconds(20)).until(() -> system.operator(first).isLeader());
      ServiceProcess leader = first;
      await().atMost(Duration.ofSeconds(30)).until(() -> fireTimes(system).size() >= 2);

      for (int kill = 1; kill <= 2; kill++) {
        ServiceProcess standby = system.launchCoordinator("coordinator-" + (kill + 1), ScheduleTicks.COORDINATOR).awaitReady();
        int firedBefore = fireTimes(system).size();
        long killedAt = System.nanoTime();
        leader.kill9();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> system.operator(standby).isLeader());
        System.out.println("schedule-failover " + kill + ": standby leads after " + (System.nanoTime() - killedAt) / 1_000_000 + " ms");
        leader = standby;
        // the new leader fires ticks of its own before the next kill
        await().atMost(Duration.ofSeconds(30)).until(() -> fireTimes(system).size() >= firedBefore + 2);
      }
      // no leader, no more fires: what ran is final once in-flight work and leases (5 s) are over
      leader.kill9();
      ScheduleTicks.assertEachTickRanOnce(system, "schedule-failover", 6);
      assertThat(runner.isAlive()).isTrue();
    }
  }
}
