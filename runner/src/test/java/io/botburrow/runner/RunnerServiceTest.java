package io.botburrow.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.RunnerPool;
import io.botburrow.llm.Usage;
import io.botburrow.queue.ActivationClaims;
import io.botburrow.queue.Lease;
import io.botburrow.queue.QueueSettings;
import io.botburrow.queue.memory.InMemoryActivationQueue;
import io.botburrow.runner.activation.ActivationControl;
import io.botburrow.runner.activation.ActivationHandler;
import io.botburrow.runner.activation.ActivationOutcome;
import io.botburrow.runners.memory.InMemoryRunnerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runner's slots and heartbeat against the in-memory queue: nothing dies silently. */
class RunnerServiceTest {
  private static final Duration HUB_RETRY = Duration.ofMillis(700);
  private final Clock clock = Clock.systemUTC();
  private final InMemoryActivationQueue queue = new InMemoryActivationQueue(QueueSettings.defaults(), clock);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final RunnerMetrics metrics = new RunnerMetrics(meters, queue, RunnerPool.HYBRID);
  private final List<String> events = new CopyOnWriteArrayList<>();
  private RunnerService runner;

  @AfterEach
  void stop() {
    if (runner != null) {
      runner.close();
    }
  }

  private RunnerService start(ActivationClaims claims, BiFunction<Activation, ActivationControl, ActivationOutcome> work,
      Duration drainTimeout) {
    return start(claims, work, drainTimeout, 1);
  }

  private RunnerService start(ActivationClaims claims, BiFunction<Activation, ActivationControl, ActivationOutcome> work,
      Duration drainTimeout, int slots) {
    ActivationHandler handler = new ActivationHandler(null, null, null, null, null, metrics, clock, Duration.ofMinutes(1), 3,
        null, null, Duration.ofMinutes(15), null, null) {
      @Override
      public ActivationOutcome handle(Activation a, ActivationControl control) {
        return work.apply(a, control);
      }
    };
    RunnerProperties props = new RunnerProperties("hybrid", slots, "r1", Duration.ofMillis(100), Duration.ofMillis(200),
        drainTimeout, Duration.ofMinutes(1), HUB_RETRY);
    runner = new RunnerService(claims, handler, props, metrics, "r1", new InMemoryRunnerRegistry());
    runner.start();
    return runner;
  }

  private void enqueue(String agent) {
    queue.startTerm(1);
    queue.enqueue(Activation.notification(agent, "test", List.of("n-" + agent), Instant.now()), 1);
  }

  private double errors(String stage) {
    var counter = meters.find("botburrow.runner.errors").tag("stage", stage).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aSlotSurvivesAnUnexpectedErrorWhileClaimingAndCountsIt() {
    AtomicInteger calls = new AtomicInteger();
    ActivationClaims flaky = new DelegatingClaims(queue) {
      @Override
      public Optional<Lease> claim(RunnerPool pool, String runnerId, Duration wait) {
        if (calls.incrementAndGet() == 1) {
          throw new IllegalStateException("boom");
        }
        return super.claim(pool, runnerId, wait);
      }
    };
    enqueue("alice");

    start(flaky, (a, c) -> {
      events.add("ran " + a.agent());
      return new ActivationOutcome.Succeeded("ok", Usage.ZERO);
    }, Duration.ofSeconds(1));

    await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("ran alice"));
    assertThat(errors("slot")).isEqualTo(1);
  }

  @Test
  void anActivationThatThrowsIsCountedAndReleasedForRedelivery() {
    enqueue("bob");
    AtomicInteger runs = new AtomicInteger();

    start(queue, (a, c) -> {
      if (runs.incrementAndGet() == 1) {
        throw new IllegalStateException("handler bug");
      }
      events.add("ran again " + a.agent());
      return new ActivationOutcome.Succeeded("ok", Usage.ZERO);
    }, Duration.ofSeconds(1));

    await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("ran again bob"));
    assertThat(errors("activation")).isEqualTo(1);
  }

  @Test
  void aDeferredActivationRunsAgainAfterTheHubRetryDelaySameAttemptWithoutAFailureOnItsCircuit() {
    enqueue("erin");
    List<Instant> starts = new CopyOnWriteArrayList<>();
    List<Integer> attempts = new CopyOnWriteArrayList<>();

    start(queue, (a, c) -> {
      starts.add(Instant.now());
      attempts.add(a.attempt());
      return starts.size() == 1
          ? new ActivationOutcome.Deferred("Hub out of reach: 503", Usage.ZERO)
          : new ActivationOutcome.Succeeded("ok", Usage.ZERO);
    }, Duration.ofSeconds(1));

    await().atMost(Duration.ofSeconds(5)).until(() -> starts.size() == 2);
    assertThat(Duration.between(starts.get(0), starts.get(1))).isGreaterThanOrEqualTo(HUB_RETRY);
    assertThat(attempts).containsExactly(1, 1);
    await().atMost(Duration.ofSeconds(2)).until(() -> queue.openCircuits().isEmpty());
    assertThat(queue.deadLetters(10)).isEmpty();
  }

  @Test
  void theHeartbeatSurvivesAnUnexpectedErrorAndKeepsRenewing() {
    AtomicInteger renewals = new AtomicInteger();
    ActivationClaims flaky = new DelegatingClaims(queue) {
      @Override
      public Optional<Lease> renew(Lease lease) {
        if (renewals.incrementAndGet() == 1) {
          throw new IllegalStateException("renew bug");
        }
        return super.renew(lease);
      }
    };
    enqueue("carol");

    start(flaky, (a, c) -> {
      await().atMost(Duration.ofSeconds(5)).until(() -> renewals.get() >= 3);
      return new ActivationOutcome.Succeeded("ok", Usage.ZERO);
    }, Duration.ofSeconds(1));

    await().atMost(Duration.ofSeconds(6)).until(() -> renewals.get() >= 3);
    assertThat(errors("heartbeat")).isEqualTo(1);
  }

  @Test
  void drainStopsTheWorkBeforeReleasingIt() {
    ActivationClaims recording = new DelegatingClaims(queue) {
      @Override
      public void release(Lease lease) {
        events.add("released");
        super.release(lease);
      }
    };
    enqueue("dave");
    start(recording, (a, c) -> {
      events.add("started");
      try {
        Thread.sleep(Duration.ofSeconds(30));
      } catch (InterruptedException e) {
        events.add("stopped: " + c.stopRequested());
      }
      return new ActivationOutcome.Cancelled("stopped", Usage.ZERO);
    }, Duration.ofMillis(200));
    await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("started"));

    runner.close();

    assertThat(events).containsExactly("started", "stopped: DRAIN", "released");
    assertThat(queue.depth(ActivationKind.NOTIFICATION)).isEqualTo(1);
  }

  @Test
  void aDrainFromThePreStopHookLetsTheRunningActivationFinishAndClaimsNothingMore() {
    java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
    enqueue("erin");
    start(queue, (a, c) -> {
      events.add("started " + a.agent());
      try {
        finish.await();
      } catch (InterruptedException e) {
        events.add("stopped " + a.agent());
        return new ActivationOutcome.Cancelled("stopped", Usage.ZERO);
      }
      events.add("finished " + a.agent());
      return new ActivationOutcome.Succeeded("ok", Usage.ZERO);
    }, Duration.ofSeconds(20));
    await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("started erin"));
    assertThat(runner.oldestRunningSince()).hasValueSatisfying(since -> assertThat(since).isBeforeOrEqualTo(Instant.now()));

    runner.drain();
    enqueue("frank");
    finish.countDown();

    assertThat(runner.awaitDrained()).isTrue();
    assertThat(runner.state()).isEqualTo(RunnerState.DRAINING);
    assertThat(runner.oldestRunningSince()).isEmpty();
    runner.close();
    assertThat(events).containsExactly("started erin", "finished erin");
    assertThat(queue.depth(ActivationKind.NOTIFICATION)).as("frank's activation waits for another runner").isEqualTo(1);
  }

  @Test
  void aSlotsCompletionGoesWithItsNextClaimAndIsRetriedWhenTheQueueCannotBeReached() {
    AtomicInteger combined = new AtomicInteger();
    ActivationClaims recording = new DelegatingClaims(queue) {
      @Override
      public Optional<Lease> completeAndClaim(Lease finished, RunnerPool pool, String runnerId, Duration wait) {
        events.add("complete " + finished.activation().agent() + " and claim");
        if (combined.incrementAndGet() == 1) {
          throw new io.botburrow.queue.QueueUnavailableException("redis down", null);
        }
        return super.completeAndClaim(finished, pool, runnerId, wait);
      }

      @Override
      public void complete(Lease lease) {
        events.add("complete " + lease.activation().agent());
        super.complete(lease);
      }
    };
    enqueue("gina");
    enqueue("hank");

    start(recording, (a, c) -> {
      events.add("ran " + a.agent());
      return new ActivationOutcome.Succeeded("ok", Usage.ZERO);
    }, Duration.ofSeconds(1));

    await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("complete hank and claim"));
    // the first combined call failed: gina's completion went again with the next one, before hank ran
    assertThat(events).containsSubsequence("ran gina", "complete gina and claim", "complete gina and claim", "ran hank",
        "complete hank and claim");
    assertThat(events).noneMatch(e -> e.equals("complete gina") || e.equals("complete hank"));
    assertThat(errors("claim")).isEqualTo(1);
    await().atMost(Duration.ofSeconds(5)).until(() -> runner.inFlight() == 0);
    assertThat(queue.leaseHolders()).isEmpty();
  }

  @Test
  void anActivationClaimedTwiceRunsOnceAndTheSecondClaimIsCounted() {
    enqueue("ivy");
    AtomicInteger claims = new AtomicInteger();
    java.util.concurrent.CountDownLatch bothClaimed = new java.util.concurrent.CountDownLatch(2);
    ActivationClaims twice = new DelegatingClaims(queue) {
      private volatile Optional<Lease> first = Optional.empty();
      private final java.util.concurrent.CountDownLatch firstReturned = new java.util.concurrent.CountDownLatch(1);

      @Override
      public Optional<Lease> claim(RunnerPool pool, String runnerId, Duration wait) {
        // a faulty queue: the first claim's lease also goes to the next claim, which the other slot may make while
        // the first is still on its way back: it waits for it
        int n = claims.incrementAndGet();
        Optional<Lease> lease = Optional.empty();
        if (n == 1) {
          lease = super.claim(pool, runnerId, Duration.ofSeconds(5));
          first = lease;
          firstReturned.countDown();
        } else if (n == 2) {
          try {
            firstReturned.await(5, java.util.concurrent.TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          lease = first;
        }
        if (n <= 2) {
          bothClaimed.countDown();
        }
        return lease;
      }
    };

    start(twice, (a, c) -> {
      events.add("ran " + a.agent());
      try {
        bothClaimed.await(5, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new ActivationOutcome.Succeeded("ok", Usage.ZERO);
    }, Duration.ofSeconds(1), 2);

    await().atMost(Duration.ofSeconds(5)).until(() -> errors("duplicate-claim") == 1);
    await().atMost(Duration.ofSeconds(5)).until(() -> runner.inFlight() == 0);
    assertThat(events).containsExactly("ran ivy");
    assertThat(queue.leaseHolders()).isEmpty();
  }

  @Test
  void aClaimAnsweredWhenItsLeaseIsAlmostOverIsNotRun() {
    enqueue("jo");
    AtomicInteger claims = new AtomicInteger();
    ActivationClaims late = new DelegatingClaims(queue) {
      @Override
      public Optional<Lease> claim(RunnerPool pool, String runnerId, Duration wait) {
        // the answer of a claim sent long ago: its lease ends within the heartbeat interval (200 ms here)
        return claims.incrementAndGet() == 1
            ? super.claim(pool, runnerId, wait).map(l -> l.renewedUntil(Instant.now().plusMillis(50)))
            : Optional.empty();
      }
    };

    start(late, (a, c) -> {
      events.add("ran " + a.agent());
      return new ActivationOutcome.Succeeded("ok", Usage.ZERO);
    }, Duration.ofSeconds(1));

    await().atMost(Duration.ofSeconds(5)).until(() -> errors("late-claim") == 1);
    assertThat(events).isEmpty();
    assertThat(runner.inFlight()).isZero();
  }

  @Test
  void aLeaseLapsesBeforeRenewalWhenLessThanOneHeartbeatIsLeft() {
    Instant now = Instant.parse("2026-12-05T00:00:00Z");
    Lease lease = new Lease(Activation.notification("kim", "test", List.of("n"), now), "r1", now.plusMillis(900));
    assertThat(RunnerSlot.lapsesBeforeRenewal(lease, now, Duration.ofSeconds(1))).isTrue();
    assertThat(RunnerSlot.lapsesBeforeRenewal(lease, now.minusMillis(200), Duration.ofSeconds(1))).isFalse();
    assertThat(RunnerSlot.lapsesBeforeRenewal(lease, now.plusSeconds(1), Duration.ofSeconds(1))).isTrue();
  }

  /** Passes every call to the queue; tests override the one they break. */
  private static class DelegatingClaims implements ActivationClaims {
    private final ActivationClaims target;

    DelegatingClaims(ActivationClaims target) {
      this.target = target;
    }

    @Override
    public Optional<Lease> claim(RunnerPool pool, String runnerId, Duration wait) {
      return target.claim(pool, runnerId, wait);
    }

    @Override
    public Optional<Lease> renew(Lease lease) {
      return target.renew(lease);
    }

    @Override
    public void complete(Lease lease) {
      target.complete(lease);
    }

    @Override
    public Optional<Lease> completeAndClaim(Lease finished, RunnerPool pool, String runnerId, Duration wait) {
      return target.completeAndClaim(finished, pool, runnerId, wait);
    }

    @Override
    public void fail(Lease lease, String error) {
      target.fail(lease, error);
    }

    @Override
    public void release(Lease lease) {
      target.release(lease);
    }

    @Override
    public void defer(Lease lease, Duration delay) {
      target.defer(lease, delay);
    }
  }
}
