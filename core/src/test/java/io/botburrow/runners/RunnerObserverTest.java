package io.botburrow.runners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.runners.memory.InMemoryRunnerRegistry;
import io.botburrow.testing.MutableClock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunnerObserverTest {
  private static final Duration DEAD_AFTER = Duration.ofSeconds(5);
  private static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final List<String> BOTH = List.of("alive", "killed");

  private final MutableClock clock = new MutableClock();
  private final InMemoryRunnerRegistry registry = new InMemoryRunnerRegistry();
  private final RunnerObserver observer = new RunnerObserver(registry, DEAD_AFTER, clock);

  @Test
  void callsARunnerDeadOnlyAfterAWholeWindowWithoutBeats() {
    beatBoth();
    assertThat(observer.dead(BOTH)).isEmpty();

    for (int second = 1; second < 5; second++) {
      tick(() -> registry.heartbeat("alive", INTERVAL));
      assertThat(observer.dead(BOTH)).isEmpty();
    }
    tick(() -> registry.heartbeat("alive", INTERVAL));
    assertThat(observer.dead(BOTH)).containsExactly("killed");
  }

  @Test
  void aFreshObserverWaitsAWholeWindowEvenForRunnersThatStoppedLongAgo() {
    registry.heartbeat("killed", INTERVAL);
    clock.advance(Duration.ofHours(1));

    assertThat(observer.dead(BOTH)).isEmpty();
    clock.advance(Duration.ofSeconds(4));
    assertThat(observer.dead(BOTH)).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(observer.dead(BOTH)).containsExactlyElementsOf(BOTH);
  }

  @Test
  void losingTheRegistrysStateDeclaresNoLiveRunnerDead() {
    beatBoth();
    observer.dead(BOTH);
    for (int second = 1; second <= 4; second++) {
      tick(() -> registry.heartbeat("alive", INTERVAL));
      observer.dead(BOTH);
    }

    registry.loseState(); // a Redis restart without persistence: every beat is gone
    clock.advance(Duration.ofSeconds(2));
    assertThat(observer.dead(BOTH)).as("the observer starts watching anew").isEmpty();
    // the first beat after the loss starts a new generation: the window starts again from there
    for (int second = 1; second <= 5; second++) {
      tick(() -> registry.heartbeat("alive", INTERVAL));
      assertThat(observer.dead(BOTH)).isEmpty();
    }
    tick(() -> registry.heartbeat("alive", INTERVAL));
    assertThat(observer.dead(BOTH)).containsExactly("killed");
  }

  @Test
  void aFailedReadStartsTheWindowAgainBecauseBeatsCouldNotBeSeen() {
    FlakyRegistry flaky = new FlakyRegistry(registry);
    RunnerObserver watching = new RunnerObserver(flaky, DEAD_AFTER, clock);
    beatBoth();
    watching.dead(BOTH);
    flaky.down = true;
    clock.advance(Duration.ofSeconds(30));
    assertThatThrownBy(() -> watching.dead(BOTH)).isInstanceOf(QueueUnavailableException.class);

    flaky.down = false;
    assertThat(watching.dead(BOTH)).isEmpty();
    clock.advance(DEAD_AFTER);
    assertThat(watching.dead(BOTH)).containsExactlyElementsOf(BOTH);
  }

  @Test
  void forgetsRunnersItIsNoLongerAskedAbout() {
    beatBoth();
    observer.dead(BOTH);
    clock.advance(DEAD_AFTER);
    observer.dead(List.of("alive"));

    assertThat(observer.dead(BOTH)).containsExactly("alive");
  }

  private void beatBoth() {
    BOTH.forEach(id -> registry.heartbeat(id, INTERVAL));
  }

  private void tick(Runnable beats) {
    clock.advance(Duration.ofSeconds(1));
    beats.run();
  }

  private static final class FlakyRegistry implements RunnerRegistry {
    private final RunnerRegistry delegate;
    volatile boolean down;

    FlakyRegistry(RunnerRegistry delegate) {
      this.delegate = delegate;
    }

    @Override
    public void heartbeat(String runnerId, Duration interval) {
      delegate.heartbeat(runnerId, interval);
    }

    @Override
    public RunnerBeats beats(Collection<String> runnerIds) {
      if (down) {
        throw new QueueUnavailableException("down", null);
      }
      return delegate.beats(runnerIds);
    }

    @Override
    public void leave(String runnerId) {
      delegate.leave(runnerId);
    }
  }
}
