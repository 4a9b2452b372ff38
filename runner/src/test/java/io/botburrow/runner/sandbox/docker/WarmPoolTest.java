package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.botburrow.runner.sandbox.SandboxEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WarmPoolTest {
  private final AtomicInteger created = new AtomicInteger();
  private final List<String> discarded = new CopyOnWriteArrayList<>();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final MutableClock clock = new MutableClock();
  private final WarmPool pool = new WarmPool("img", 2, () -> {
    int n = created.incrementAndGet();
    return new SandboxContainerFactory.Started("c" + n, "v" + n);
  }, started -> discarded.add(started.containerId()), SandboxEvents.NONE, executor, clock, Duration.ofMinutes(60));

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void handsEachContainerOutOnceAndRefillsBehindIt() {
    pool.refill();
    await().until(() -> pool.idleCount() == 2);
    Optional<SandboxContainerFactory.Started> first = pool.take();
    Optional<SandboxContainerFactory.Started> second = pool.take();
    assertThat(first).map(SandboxContainerFactory.Started::containerId).contains("c1");
    assertThat(second).map(SandboxContainerFactory.Started::containerId).contains("c2");
    await().until(() -> pool.idleCount() == 2);
    assertThat(pool.ids()).containsExactlyInAnyOrder("c3", "v3", "c4", "v4");
  }

  @Test
  void anEmptyPoolHandsOutNothingWithoutBlocking() {
    assertThat(pool.take()).isEmpty();
  }

  @Test
  void containersIdleForTooLongAreDiscardedNotHandedOut() {
    pool.refill();
    await().until(() -> pool.idleCount() == 2);
    clock.advance(Duration.ofMinutes(61));
    Optional<SandboxContainerFactory.Started> taken = pool.take();
    assertThat(taken).isEmpty();
    assertThat(discarded).containsExactly("c1", "c2");
  }

  @Test
  void closingDiscardsIdleContainersAndStopsRefilling() {
    pool.refill();
    await().until(() -> pool.idleCount() == 2);
    pool.close();
    assertThat(discarded).containsExactlyInAnyOrder("c1", "c2");
    pool.refill();
    assertThat(pool.idleCount()).isZero();
    assertThat(created).hasValue(2);
  }

  private static final class MutableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
