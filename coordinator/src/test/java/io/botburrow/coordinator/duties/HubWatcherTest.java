package io.botburrow.coordinator.duties;

import static io.botburrow.coordinator.duties.PollingHub.poll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.activation.ActivationKind;
import io.botburrow.coordinator.CoordinatorMetrics;
import io.botburrow.coordinator.CoordinatorProperties;
import io.botburrow.hub.HubException;
import io.botburrow.queue.QueueSettings;
import io.botburrow.queue.memory.InMemoryActivationQueue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HubWatcherTest {
  private static final long TOKEN = 1;
  private final MovableClock clock = new MovableClock();
  private final InMemoryActivationQueue queue = new InMemoryActivationQueue(QueueSettings.defaults(), clock);

  {
    queue.startTerm(TOKEN);
  }
  private final PollingHub hub = new PollingHub();
  private final CoordinatorProperties props = new CoordinatorProperties(
      Duration.ofSeconds(30), 100, Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofSeconds(10),
      Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(5));
  private final HubWatcher watcher = new HubWatcher(hub, queue,
      props, new CoordinatorMetrics(new SimpleMeterRegistry(), queue, queue, "test"), clock);

  @Test
  void asksForEveryAgentFirstAndThenOnlyForNotificationsNewerThanTheCursor() throws Exception {
    hub.answer(poll("7", "alpha")).answer(poll("9", "beta"));

    assertThat(watcher.step(TOKEN)).isZero();
    assertThat(watcher.step(TOKEN)).isZero();

    assertThat(hub.cursorsAsked).containsExactly(null, "7");
    assertThat(queue.depth(ActivationKind.NOTIFICATION)).isEqualTo(2);
  }

  @Test
  void asksForEveryAgentAgainOnceTheFullPollIntervalHasPassed() throws Exception {
    hub.answer(poll("7", "alpha")).answer(poll("8")).answer(poll("9"));

    watcher.step(TOKEN);
    watcher.step(TOKEN);
    clock.advance(Duration.ofSeconds(10));
    watcher.step(TOKEN);

    assertThat(hub.cursorsAsked).containsExactly(null, "7", null);
  }

  @Test
  void aPollFromTheCursorWaitsNoLongerThanUntilTheNextFullPoll() throws Exception {
    hub.answer(poll("7", "alpha")).answer(poll("8"));

    watcher.step(TOKEN);
    clock.advance(Duration.ofSeconds(4));
    watcher.step(TOKEN);

    assertThat(hub.timeoutsAsked).containsExactly(props.longPollTimeout(), Duration.ofSeconds(6));
  }

  @Test
  void asksForEveryAgentAfterAFailedPoll() throws Exception {
    hub.answer(poll("7", "alpha")).fail().answer(poll("9"));

    watcher.step(TOKEN);
    assertThatThrownBy(() -> watcher.step(TOKEN)).isInstanceOf(HubException.class);
    watcher.step(TOKEN);

    assertThat(hub.cursorsAsked).containsExactly(null, "7", null);
  }

  @Test
  void pausesBeforePollingAgainWhenAHubWithoutCursorsBroughtNothingNew() throws Exception {
    hub.answer(poll(null, "alpha")).answer(poll(null, "alpha"));

    assertThat(watcher.step(TOKEN)).isZero();
    assertThat(watcher.step(TOKEN)).isEqualTo(props.repollDelay());

    assertThat(hub.cursorsAsked).containsExactly(null, null);
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-11-21T12:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
