package io.botburrow.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.botburrow.devkit.agents.ScriptedAgents;
import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.system.chaos.HubUser.Mention;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The leading coordinator is killed with SIGKILL between two bursts of mentions; the standby takes over. */
class LeaderFailoverIT {
  private static final List<String> AGENTS = ScriptedAgents.names("failover-agent", 10, 2);
  private static final Duration MAX_FAILOVER = Duration.ofSeconds(5);

  @BeforeEach
  void needsRedis() {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
  }

  @Test
  void theStandbyLeadsWithinFiveSecondsAndEveryMentionIsAnsweredOnce() {
    try (ChaosSystem system = new ChaosSystem(AGENTS)) {
      ServiceProcess first = system.launchCoordinator("coordinator-1", Map.of());
      ServiceProcess second = system.launchCoordinator("coordinator-2", Map.of());
      ServiceProcess runner = system.launchRunner("failover-runner", Map.of());
      Stream.of(first, second, runner).forEach(ServiceProcess::awaitReady);
      await().atMost(Duration.ofSeconds(20))
          .until(() -> system.operator(first).isLeader() != system.operator(second).isLeader());
      ServiceProcess leader = system.operator(first).isLeader() ? first : second;
      ServiceProcess standby = leader == first ? second : first;

      List<Mention> mentions = new ArrayList<>(system.ron.mentionRoundRobin(AGENTS, 25, "before failover"));
      long killedAt = System.nanoTime();
      leader.kill9();
      // posted while the standby takes over, so that watching for the new leader is not delayed
      CompletableFuture<List<Mention>> after =
          CompletableFuture.supplyAsync(() -> system.ron.mentionRoundRobin(AGENTS, 25, "after failover"));
      Operator standbyApi = system.operator(standby);
      await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20)).until(standbyApi::isLeader);
      long failoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
      System.out.println("leader-failover: " + failoverMillis + " ms");
      mentions.addAll(after.join());

      assertThat(Duration.ofMillis(failoverMillis)).isLessThanOrEqualTo(MAX_FAILOVER);
      Replies.awaitExactlyOneEach(system.ron, mentions, Duration.ofSeconds(60));
    }
  }
}
