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
  // a try that began just before the Hub was back (the Hub client retries for about 3 s), the Hub retry (5 s),
  // then the reply, with room for a loaded machine
  private static final Duration AFTER_RECOVERY = Duration.ofSeconds(15);

  @BeforeEach
  void needsRedis() {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
  }

  /**
   * Activations that run while the Hub is down find its health check failing too, so they wait for the Hub
   * (botburrow.runner.hub-retry, 5 s) instead of counting as failures of their agents: no circuit opens (the
   * default first backoff is 60 s) and no attempt is used up, so every mention is answered soon after the Hub is
   * back.
   */
  @Test
  void mentionsPostedJustBeforeAnOutageAreAnsweredOnceSoonAfterIt() {
    try (ChaosSystem system = new ChaosSystem(AGENTS)) {
      ServiceProcess coordinator = system.launchCoordinator("outage-coordinator", Map.of());
      ServiceProcess runner = system.launchRunner("outage-runner", Map.of());
      Stream.of(coordinator, runner).forEach(ServiceProcess::awaitReady);

      List<Mention> mentions = system.ron.mentionRoundRobin(AGENTS, 10, "just before the outage");
      system.hubAdmin().post("/api/v1/dev/faults", Map.of("status", 500, "seconds", OUTAGE.toSeconds()));
      long outageStart = System.nanoTime();
      assertThat(system.ron.tryReplyCount(mentions.getFirst())).as("the Hub is down").isEmpty();

      Replies.awaitAnswered(system.ron, mentions, OUTAGE.plus(AFTER_RECOVERY));
      long afterRecovery = (System.nanoTime() - outageStart) / 1_000_000 - OUTAGE.toMillis();
      System.out.println("hub-outage: every mention answered " + afterRecovery + " ms after the " + OUTAGE.toSeconds()
          + " s outage ended");
      Replies.awaitNoSecondReply(system.ron, mentions);
    }
  }
}
