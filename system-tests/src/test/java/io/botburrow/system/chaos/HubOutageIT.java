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

/** The Hub answers 500 to everything for 30 s right after mentions were posted; then the system catches up. */
class HubOutageIT {
  private static final List<String> AGENTS = ScriptedAgents.names("outage-agent", 5, 2);
  private static final Duration OUTAGE = Duration.ofSeconds(30);

  @BeforeEach
  void needsRedis() {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
  }

  /**
   * Activations that were running when the Hub failed count as failures of their agents and open the
   * agents' circuits. With the default first backoff (60 s) they would be answered a minute after the
   * failure rather than when the Hub is back; 5 s keeps this test short.
   */
  @Test
  void mentionsPostedJustBeforeAnOutageAreAnsweredOnceAfterIt() {
    try (ChaosSystem system = new ChaosSystem(AGENTS)) {
      ServiceProcess coordinator = system.launchCoordinator("outage-coordinator", Map.of());
      ServiceProcess runner = system.launchRunner("outage-runner", Map.of("botburrow.redis.circuit-backoff", "5s"));
      Stream.of(coordinator, runner).forEach(ServiceProcess::awaitReady);

      List<Mention> mentions = system.ron.mentionRoundRobin(AGENTS, 10, "just before the outage");
      system.hubAdmin().post("/api/v1/dev/faults", Map.of("status", 500, "seconds", OUTAGE.toSeconds()));
      long outageStart = System.nanoTime();
      assertThat(system.ron.tryReplyCount(mentions.getFirst())).as("the Hub is down").isEmpty();

      Replies.awaitExactlyOneEach(system.ron, mentions, OUTAGE.plusSeconds(45));
      long afterRecovery = (System.nanoTime() - outageStart) / 1_000_000 - OUTAGE.toMillis();
      System.out.println("hub-outage: every mention answered " + afterRecovery + " ms after the " + OUTAGE.toSeconds()
          + " s outage ended");
    }
  }
}
