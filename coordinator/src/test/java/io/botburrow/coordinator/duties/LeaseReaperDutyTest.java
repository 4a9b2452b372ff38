package io.botburrow.coordinator.duties;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.activation.Activation;
import io.botburrow.activation.RunnerPool;
import io.botburrow.queue.Lease;
import io.botburrow.queue.QueueSettings;
import io.botburrow.queue.RunningLease;
import io.botburrow.queue.memory.InMemoryActivationQueue;
import io.botburrow.runners.RunnerObserver;
import io.botburrow.runners.memory.InMemoryRunnerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LeaseReaperDutyTest {
  private static final Duration DEAD_AFTER = Duration.ofSeconds(5);
  private static final Duration BEAT = Duration.ofSeconds(1);
  private static final long TOKEN = 1;

  private final StepClock clock = new StepClock();
  private final InMemoryActivationQueue queue = new InMemoryActivationQueue(QueueSettings.defaults(), clock);
  private final InMemoryRunnerRegistry registry = new InMemoryRunnerRegistry();
  private final LeaseReaperDuty duty = new LeaseReaperDuty(
      queue, new RunnerObserver(registry, DEAD_AFTER, clock), Duration.ofSeconds(1), Duration.ofSeconds(30));

  {
    queue.startTerm(TOKEN);
  }

  @Test
  void redeliversAKilledRunnersWorkWithinTheWindowLongBeforeItsLeaseExpires() {
    claimAs("killed", "alice");
    claimAs("alive", "bob");

    int seconds = 0;
    while (holders().containsKey("alice") && holders().get("alice").equals("killed") && seconds < 60) {
      registry.heartbeat("alive", BEAT);
      duty.step(TOKEN);
      clock.advance(Duration.ofSeconds(1));
      seconds++;
    }

    assertThat(seconds).as("seconds until the killed runner's work was taken back").isBetween(5, 7);
    Lease again = queue.claim(RunnerPool.HYBRID, "alive", Duration.ZERO).orElseThrow();
    assertThat(again.activation().agent()).isEqualTo("alice");
    assertThat(again.activation().attempt()).isEqualTo(2);
    assertThat(holders()).containsEntry("bob", "alive");
  }

  @Test
  void aLeaderThatLeadsAgainAfterAGapRedeliversNothingOfLiveRunners() {
    claimAs("alive", "alice");
    duty.step(TOKEN);
    clock.advance(Duration.ofSeconds(30)); // this instance lost leadership and regains it later (lease still valid)
    registry.heartbeat("alive", BEAT);
    duty.start(TOKEN); // resets what it saw; the loop's own steps race with ours harmlessly
    duty.stop();

    for (int second = 0; second < 10; second++) {
      registry.heartbeat("alive", BEAT);
      duty.step(TOKEN);
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(holders()).containsEntry("alice", "alive");
  }

  @Test
  void redeliversNothingWhileTheRegistryLostItsStateAndLiveRunnersBeatAgain() {
    claimAs("alive", "alice");
    for (int second = 0; second < 10; second++) {
      if (second == 3) {
        registry.loseState();
      } else {
        registry.heartbeat("alive", BEAT);
      }
      duty.step(TOKEN);
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(holders()).containsEntry("alice", "alive");
  }

  private void claimAs(String runner, String agent) {
    Activation activation = Activation.notification(agent, "mention", List.of("n-" + agent), clock.instant());
    queue.enqueue(activation, TOKEN);
    registry.heartbeat(runner, BEAT);
    assertThat(queue.claim(RunnerPool.HYBRID, runner, Duration.ZERO)).isPresent();
  }

  private Map<String, String> holders() {
    return queue.runningLeases().stream().collect(Collectors.toMap(RunningLease::agent, RunningLease::runnerId));
  }

  private static final class StepClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-21T12:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
