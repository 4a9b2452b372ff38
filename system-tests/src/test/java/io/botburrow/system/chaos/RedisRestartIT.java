package io.botburrow.system.chaos;

import io.botburrow.devkit.llm.HeldTurn;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.system.chaos.HubUser.Mention;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis restarts without persistence while mentions are being answered: queues, leases, the leader lease
 * and the effect ledger are gone. The Hub keeps notifications unread until handled, so the coordinator's
 * next poll rebuilds the lost work.
 */
class RedisRestartIT {
  private static final List<String> AGENTS = ChaosAgents.named("restart-agent", 6);
  private static final String IN_FLIGHT = AGENTS.getFirst();

  @BeforeEach
  void needsRedis() {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
  }

  @Test
  void everyMentionIsAnsweredExactlyOnceAcrossARestartThatLosesAllQueueState() {
    try (ChaosSystem system = new ChaosSystem(AGENTS)) {
      ServiceProcess coordinator = system.launchCoordinator("restart-coordinator", Map.of());
      ServiceProcess runner = system.launchRunner("restart-runner", Map.of());
      Stream.of(coordinator, runner).forEach(ServiceProcess::awaitReady);
      system.llm.enqueueFor(IN_FLIGHT, ScriptedTurn.text("Answered across the restart.").hold());

      List<Mention> mentions = new ArrayList<>();
      mentions.add(new Mention(IN_FLIGHT, system.ron.mention(IN_FLIGHT, "what happens if Redis restarts now?")));
      HeldTurn held = system.llm.awaitHeld(Duration.ofSeconds(30));
      mentions.addAll(system.ron.mentionRoundRobin(AGENTS, 12, "before restart"));
      system.redis.restart();
      mentions.addAll(system.ron.mentionRoundRobin(AGENTS, 12, "after restart"));
      held.release();

      Replies.awaitExactlyOneEach(system.ron, mentions, Duration.ofSeconds(60));
    }
  }
}
