package io.botburrow.runner.sandbox.docker;

import io.botburrow.runner.sandbox.SandboxEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Started containers of one image waiting to be handed out. Each is handed out once and never comes
 * back; taking one triggers a refill in the background, one container at a time so that a refill
 * never competes with activations for more than one core. A container idle for longer than {@code
 * maxIdle} is discarded instead of handed out, so that no reaper removes it while in use.
 */
final class WarmPool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WarmPool.class);

  private final String image;
  private final int size;
  private final Supplier<SandboxContainerFactory.Started> starter;
  private final Consumer<SandboxContainerFactory.Started> discard;
  private final SandboxEvents events;
  private final ExecutorService executor;
  private final Clock clock;
  private final Duration maxIdle;
  private final ConcurrentLinkedQueue<Idle> idle = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean refilling = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  WarmPool(String image, int size, Supplier<SandboxContainerFactory.Started> starter,
      Consumer<SandboxContainerFactory.Started> discard, SandboxEvents events, ExecutorService executor,
      Clock clock, Duration maxIdle) {
    this.image = image;
    this.size = size;
    this.starter = starter;
    this.discard = discard;
    this.events = events;
    this.executor = executor;
    this.clock = clock;
    this.maxIdle = maxIdle;
  }

  private record Idle(SandboxContainerFactory.Started started, Instant since) {}

  /** Hands out a warm container if one is ready; never blocks on Docker. */
  Optional<SandboxContainerFactory.Started> take() {
    Idle taken;
    Instant oldest = clock.instant().minus(maxIdle);
    while ((taken = idle.poll()) != null && taken.since().isBefore(oldest)) {
      discard.accept(taken.started());
    }
    events.poolSize(image, idle.size());
    refill();
    return Optional.ofNullable(taken).map(Idle::started);
  }

  /** Container ids and volume names of the idle containers. */
  Set<String> ids() {
    Set<String> ids = new HashSet<>();
    idle.forEach(entry -> {
      ids.add(entry.started().containerId());
      ids.add(entry.started().volume());
    });
    return ids;
  }

  int idleCount() {
    return idle.size();
  }

  /** Starts topping the pool up in the background unless a refill is already running. */
  void refill() {
    if (!closed.get() && idle.size() < size && refilling.compareAndSet(false, true)) {
      executor.execute(this::topUp);
    }
  }

  private void topUp() {
    boolean failed = false;
    try {
      while (!closed.get() && idle.size() < size) {
        Idle started = new Idle(starter.get(), clock.instant());
        idle.add(started);
        if (closed.get() && idle.remove(started)) {
          discard.accept(started.started());
        }
        events.poolSize(image, idle.size());
      }
    } catch (RuntimeException e) {
      // Not retried in a loop (the engine may be down): the next take() tries again.
      failed = true;
      LOG.warn("WarmPool(image={}) refill failed, will retry on next use: {}", image, e.getMessage());
    } finally {
      refilling.set(false);
    }
    if (!failed) {
      refill(); // a take() between the loop's last check and the flag reset found the refill busy
    }
  }

  /** No refill starts after this; one already creating a container finishes and discards it. */
  void stopRefilling() {
    closed.set(true);
  }

  /** Stops refilling and removes the idle containers. */
  @Override
  public void close() {
    closed.set(true);
    Idle entry;
    while ((entry = idle.poll()) != null) {
      discard.accept(entry.started());
    }
    events.poolSize(image, 0);
  }
}
