package io.botburrow.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.botburrow.devkit.agents.ScriptedAgents;
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
  private static final List<String> AGENTS = ScriptedAgents.names("restart-agent", 6, 2);
  private static final String IN_FLIGHT = AGENTS.getFirst();
  private static final String FIRST = "Answered by the delivery from before the restart.";
  private static final String SECOND = "Answered by the delivery after the restart.";

  @BeforeEach
  void needsRedis() {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
  }

  /**
   * The worst moment: an agent is waiting for its model when Redis restarts, and the coordinator
   * rebuilds the work from the Hub at once, so a second delivery of the same mention starts while the
   * first still runs. The first learns that its lease is gone at its next heartbeat or, at the latest,
   * when it checks its lease right before posting: it never posts. The second posts the one reply.
   */
  @Test
  void everyMentionIsAnsweredExactlyOnceAcrossARestartThatLosesAllQueueState() {
    try (ChaosSystem system = new ChaosSystem(AGENTS)) {
      ServiceProcess coordinator = system.launchCoordinator("restart-coordinator", Map.of());
      ServiceProcess runner = system.launchRunner("restart-runner", Map.of());
      Stream.of(coordinator, runner).forEach(ServiceProcess::awaitReady);
      system.llm.enqueueFor(IN_FLIGHT, ScriptedTurn.text(FIRST).hold(), ScriptedTurn.text(SECOND).hold());

      List<Mention> mentions = new ArrayList<>();
      Mention inFlight = new Mention(IN_FLIGHT, system.ron.mention(IN_FLIGHT, "what happens if Redis restarts now?"));
      mentions.add(inFlight);
      HeldTurn beforeRestart = system.llm.awaitHeld(Duration.ofSeconds(30));
      mentions.addAll(system.ron.mentionRoundRobin(AGENTS, 12, "before restart"));
      system.redis.restart();
      mentions.addAll(system.ron.mentionRoundRobin(AGENTS, 12, "after restart"));
      HeldTurn afterRestart = system.llm.awaitHeld(Duration.ofSeconds(30));
      beforeRestart.release();
      afterRestart.release();

      Replies.awaitExactlyOneEach(system.ron, mentions, Duration.ofSeconds(60));
      assertThat(system.ron.repliesBy(inFlight.postId(), IN_FLIGHT).getFirst().path("content").asText()).isEqualTo(SECOND);
    }
  }
}
