package io.botburrow.system.chaos;

import static io.botburrow.system.chaos.ScheduleTicks.fireTimes;
import static org.awaitility.Awaitility.await;

import io.botburrow.devkit.agents.ScriptedAgents;
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
 * Redis freezes for 8 s (SIGSTOP, then SIGCONT: a fork on a large heap, a suspended VM) with its state kept
 * and every connection open, while mentions are being answered and a schedule fires every five seconds. Calls
 * hang and time out; the leader cannot renew its term, the runner its leases; when Redis wakes, leases written
 * before the freeze have lapsed by the wall clock, and claims sent before it are answered with their lease
 * nearly or wholly spent. Every mention, those sent during the freeze too, is answered exactly once, and every
 * tick of the schedule is posted exactly once.
 */
class RedisStallIT {
  private static final List<String> AGENTS = ScriptedAgents.names("frozen-agent", 6, 2);
  private static final Duration STALL = Duration.ofSeconds(8);
  private static final Duration MODEL_TIME = Duration.ofMillis(700);

  @BeforeEach
  void needsRedis() {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
  }

  @Test
  void aFrozenRedisLosesNoMentionOrTickAndAnswersEachOnce() {
    List<String> agents = new ArrayList<>(AGENTS);
    agents.add(ScheduleTicks.AGENT);
    try (ChaosSystem system = new ChaosSystem(agents)) {
      system.define(ScheduleTicks.AGENT, ScheduleTicks.DEFINITION);
      // the model takes a while, so runs are in flight when Redis freezes
      system.llm.defaultResponder(request -> {
        ScheduleTicks.sleep(MODEL_TIME);
        return ScriptedTurn.text(ChaosSystem.ANSWER);
      });
      ServiceProcess coordinator = system.launchCoordinator("frozen-redis-coordinator", ScheduleTicks.COORDINATOR);
      ServiceProcess runner = system.launchRunner("frozen-redis-runner", Map.of());
      Stream.of(coordinator, runner).forEach(ServiceProcess::awaitReady);
      await().atMost(Duration.ofSeconds(20)).until(() -> system.operator(coordinator).isLeader());
      await().atMost(Duration.ofSeconds(30)).until(() -> fireTimes(system).size() >= 2);

      List<Mention> mentions = new ArrayList<>(system.ron.mentionRoundRobin(AGENTS, 12, "before the freeze"));
      ScheduleTicks.sleepUntilNextTick(Duration.ofMillis(300));
      Signals.send("STOP", system.redis.pid());
      try {
        mentions.addAll(system.ron.mentionRoundRobin(AGENTS, 12, "during the freeze"));
        ScheduleTicks.sleep(STALL);
      } finally {
        Signals.send("CONT", system.redis.pid());
      }
      mentions.addAll(system.ron.mentionRoundRobin(AGENTS, 12, "after the freeze"));

      long wokeAt = System.nanoTime();
      Replies.awaitAnswered(system.ron, mentions, Duration.ofSeconds(60));
      System.out.println("redis-stall: " + mentions.size() + " mentions answered " + (System.nanoTime() - wokeAt) / 1_000_000
          + " ms after Redis woke");
      int fired = fireTimes(system).size();
      await().atMost(Duration.ofSeconds(30)).until(() -> fireTimes(system).size() >= fired + 2);
      Replies.awaitNoSecondReply(system.ron, mentions);
      coordinator.kill9();
      ScheduleTicks.assertEachTickPostedOnce(system, "redis-stall", 6);
    }
  }
}
