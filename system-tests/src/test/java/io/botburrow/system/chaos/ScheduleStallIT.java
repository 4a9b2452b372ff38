package io.botburrow.system.chaos;

import static io.botburrow.system.chaos.ScheduleTicks.AGENT;
import static io.botburrow.system.chaos.ScheduleTicks.fireTimes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Processes that freeze rather than die (SIGSTOP for longer than a lease, then SIGCONT: a GC pause, a
 * throttled container, a suspended VM) keep a schedule firing each tick exactly once. A runner freezes just
 * after a tick is due, while its activation is being claimed or run, so its lease lapses and the work is handed
 * out again before the runner wakes with it in hand. A leader frozen with the runner freezes just before a tick,
 * and wakes with two ticks due. What is counted is what a person sees (one post per fire time) and what the model
 * was asked (one run per fire time).
 */
class ScheduleStallIT {
  /** Longer than the 5 s lease and the 3 s leader lease, short enough that the due ticks are still caught up. */
  private static final Duration STALL = Duration.ofSeconds(8);
  private static final Duration AFTER_TICK = Duration.ofMillis(300);
  private static final Duration MODEL_TIME = Duration.ofSeconds(1);
  private static final Duration BEFORE_TICK = Duration.ofMillis(-300);

  @BeforeEach
  void needsRedis() {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
  }

  @Test
  void aRunnerFrozenPastItsLeaseRunsNothingTwice() {
    try (ChaosSystem system = new ChaosSystem(List.of(AGENT))) {
      ServiceProcess[] parts = start(system);
      ServiceProcess leader = parts[0];
      ServiceProcess runner = parts[1];
      // the model takes a second, so the runner freezes with the tick's activation in hand
      system.llm.defaultResponder(request -> {
        ScheduleTicks.sleep(MODEL_TIME);
        return ScriptedTurn.text(ChaosSystem.ANSWER);
      });
      int before = fireTimes(system).size();
      ScheduleTicks.sleepUntilNextTick(AFTER_TICK);
      runner.stall(STALL);
      await().atMost(Duration.ofSeconds(40)).until(() -> fireTimes(system).size() >= before + 5);
      leader.kill9();
      var fires = ScheduleTicks.assertEachTickPostedOnce(system, "schedule-stall runner", before + 5);
      // the woken runner either drops the work's second claim and finishes its run (one model run), or first sees
      // that its lease was lost and stops the run, which then runs again (docs/reliability.md, rule 10): only such
      // a stop may call the model once more
      long stopped = count(runner.output(), "cancelled: lease lost");
      assertThat(stopped).as("runs stopped for a lost lease, one freeze").isLessThanOrEqualTo(1);
      assertThat(system.llm.requestsContaining(ScheduleTicks.PROMPT))
          .as("one model run per fire time, and one more per run stopped for its lost lease")
          .hasSize(fires.size() + (int) stopped);
      report("runner", runner);
    }
  }

  @Test
  void aLeaderAndARunnerFrozenTogetherLoseNoTickAndRunNoneTwice() {
    try (ChaosSystem system = new ChaosSystem(List.of(AGENT))) {
      ServiceProcess[] parts = start(system);
      ServiceProcess leader = parts[0];
      ServiceProcess runner = parts[1];
      int before = fireTimes(system).size();
      // the leader wakes 7.7 s behind, with two ticks due
      ScheduleTicks.sleepUntilNextTick(BEFORE_TICK);
      ServiceProcess.stallTogether(STALL, leader, runner);
      await().atMost(Duration.ofSeconds(40)).until(() -> fireTimes(system).size() >= before + 5);
      leader.kill9();
      ScheduleTicks.assertEachTickRanOnce(system, "schedule-stall leader and runner", before + 5);
      report("leader and runner", runner);
    }
  }

  @Test
  void aLeaderFrozenPastItsLeaseIsReplacedAndDoesNotFireWhenItWakes() {
    try (ChaosSystem system = new ChaosSystem(List.of(AGENT))) {
      ServiceProcess[] parts = start(system);
      ServiceProcess frozen = parts[0];
      ServiceProcess standby = system.launchCoordinator("coordinator-2", ScheduleTicks.COORDINATOR).awaitReady();
      int before = fireTimes(system).size();
      ScheduleTicks.sleepUntilNextTick(AFTER_TICK);
      frozen.stall(STALL);
      assertThat(system.operator(standby).isLeader()).as("the standby leads once the frozen leader's lease lapsed").isTrue();
      await().atMost(Duration.ofSeconds(40)).until(() -> fireTimes(system).size() >= before + 5);
      assertThat(system.operator(frozen).isLeader()).as("the woken coordinator follows").isFalse();
      standby.kill9();
      frozen.kill9();
      ScheduleTicks.assertEachTickRanOnce(system, "schedule-stall leader", before + 5);
      report("leader", parts[1]);
    }
  }

  /** A leading coordinator and a runner, once the schedule has fired twice. */
  private static ServiceProcess[] start(ChaosSystem system) {
    system.define(AGENT, ScheduleTicks.DEFINITION);
    ServiceProcess leader = system.launchCoordinator("coordinator-1", ScheduleTicks.COORDINATOR).awaitReady();
    ServiceProcess runner = system.launchRunner("schedule-runner", Map.of()).awaitReady();
    await().atMost(Duration.ofSeconds(20)).until(() -> system.operator(leader).isLeader());
    await().atMost(Duration.ofSeconds(30)).until(() -> fireTimes(system).size() >= 2);
    return new ServiceProcess[] {leader, runner};
  }

  /** How often the runner refused a claim that came too late, or one it already ran (logged, not asserted). */
  private static void report(String what, ServiceProcess runner) {
    String log = runner.output();
    System.out.println("schedule-stall " + what + ": runner dropped " + count(log, "too little to renew it in time")
        + " late and " + count(log, "claimed again while it runs") + " duplicate claims");
  }

  private static long count(String text, String phrase) {
    return Pattern.compile(Pattern.quote(phrase)).matcher(text).results().count();
  }
}
