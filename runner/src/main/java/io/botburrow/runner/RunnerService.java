package io.botburrow.runner;

import io.botburrow.activation.ActivationId;
import io.botburrow.queue.ActivationClaims;
import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.runner.activation.ActivationRunner;
import io.botburrow.runners.RunnerRegistry;
import io.botburrow.runner.activation.ActivationControl.Stop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's pipeline: {@code slots} virtual threads each claim an activation for the pool, run it
 * while a heartbeat renews its lease, and settle it (complete, fail or release; see {@link RunnerSlot}). On
 * shutdown it stops claiming, lets in-flight work finish within the drain timeout and releases the rest for
 * redelivery.
 */
public class RunnerService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunnerService.class);
  /** How long a stopped activation gets to end by itself before drain releases it anyway. */
  public static final Duration STOP_GRACE = Duration.ofSeconds(5);
  private final RunnerProperties props;
  private final RunnerMetrics metrics;
  private final String runnerId;
  private final RunnerRegistry registry;
  private final Clock clock;
  private final Map<ActivationId, InFlight> inFlight = new ConcurrentHashMap<>();
  private final List<Thread> slots = new ArrayList<>();
  private final ScheduledExecutorService heartbeat =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("lease-heartbeat").factory());
  private final RunnerHealth health;
  private final Settlement settlement;
  private final RunnerSlot.Context slotContext;
  private volatile RunnerState state = RunnerState.CREATED;
  /** When a drain started gives up waiting: set once, by the first of a preStop request and close(). */
  private volatile Instant drainDeadline;
  private boolean closing;

  public RunnerService(
      ActivationClaims claims,
      ActivationRunner handler,
      RunnerProperties props,
      RunnerMetrics metrics,
      String runnerId,
      RunnerRegistry registry) {
    this(claims, handler, props, metrics, runnerId, registry, ClaimObserver.NONE, Clock.systemUTC());
  }

  /** With {@code claimObserver} told of every claim, timed by {@code clock}. */
  public RunnerService(
      ActivationClaims claims,
      ActivationRunner handler,
      RunnerProperties props,
      RunnerMetrics metrics,
      String runnerId,
      RunnerRegistry registry,
      ClaimObserver claimObserver,
      Clock clock) {
    this.props = props;
    this.metrics = metrics;
    this.runnerId = runnerId;
    this.registry = registry;
    this.clock = clock;
    this.health = new RunnerHealth(props.heartbeatInterval(), clock);
    this.settlement = new Settlement(claims, metrics, props.hubRetry());
    this.slotContext = new RunnerSlot.Context(claims, handler, settlement, props, metrics, health, claimObserver, clock,
        runnerId, inFlight, () -> state == RunnerState.RUNNING);
  }

  public synchronized void start() {
    if (state != RunnerState.CREATED) {
      return;
    }
    state = RunnerState.RUNNING;
    for (int i = 0; i < props.slots(); i++) {
      slots.add(Thread.ofVirtual().name("slot-" + i).start(new RunnerSlot(slotContext)));
    }
    long every = props.heartbeatInterval().toMillis();
    announce();
    heartbeat.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
    LOG.info("Runner(id={}) started: pool {}, {} slot(s)", runnerId, props.runnerPool().wireName(), props.slots());
  }

  public String id() {
    return runnerId;
  }

  public RunnerState state() {
    return state;
  }

  public int inFlight() {
    return inFlight.size();
  }

  /** When the longest-running activation on this runner started; empty when it runs none. */
  public Optional<Instant> oldestRunningSince() {
    return inFlight.values().stream().map(f -> f.started).min(java.util.Comparator.naturalOrder());
  }

  /**
   * Stops claiming and starts the drain clock ({@code drain-timeout} from now); returns at once.
   * Idempotent: a later call, as from {@link #close()} after a preStop hook, keeps the first deadline.
   */
  public void drain() {
    synchronized (this) {
      if (state != RunnerState.RUNNING) {
        return;
      }
      state = RunnerState.DRAINING;
      // wall-clock, like the waits below: a test's fixed clock must not make a drain endless
      drainDeadline = Instant.now().plus(props.drainTimeout());
    }
    LOG.info("Runner(id={}) draining {} in-flight activation(s), up to {} s", runnerId, inFlight.size(),
        props.drainTimeout().toSeconds());
  }

  /**
   * Blocks until no activation runs on this runner or the drain deadline passes, whichever is first.
   *
   * @return whether the runner is idle
   */
  public boolean awaitDrained() {
    Instant until = drainDeadline;
    while (!inFlight.isEmpty() && (until == null || Instant.now().isBefore(until)) && pause(Duration.ofMillis(50))) {
      // in-flight activations finish on their own slots
    }
    return inFlight.isEmpty();
  }

  /** Whether this runner's slots and heartbeat are working, for {@code /health}. */
  public RunnerHealth health() {
    return health;
  }

  /** Tells other runners (and their container reapers) that this runner is alive. */
  private void announce() {
    try {
      registry.heartbeat(runnerId, props.heartbeatInterval());
    } catch (QueueUnavailableException e) {
      LOG.warn("Runner(id={}) heartbeat not recorded: {}", runnerId, e.getMessage());
    }
  }

  /** The heartbeat: never lets an exception end the scheduled task (which would stop every renewal). */
  private void renewAll() {
    try {
      announce();
      for (InFlight f : inFlight.values()) {
        f.renew();
      }
      health.heartbeat(clock.instant());
    } catch (RuntimeException | Error e) {
      metrics.error("heartbeat");
      LOG.error("Runner(id={}) heartbeat failed; it carries on", runnerId, e);
    }
  }

  /** Stops claiming, waits up to the drain timeout for in-flight work, releases the rest. Idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (closing) {
        return;
      }
      closing = true;
      if (state == RunnerState.CREATED || state == RunnerState.STOPPED) {
        state = RunnerState.STOPPED;
        heartbeat.shutdownNow();
        return;
      }
    }
    drain();
    awaitDrained();
    releaseRemaining();
    slots.forEach(Thread::interrupt);
    slots.forEach(RunnerService::join);
    heartbeat.shutdownNow();
    try {
      registry.leave(runnerId);
    } catch (QueueUnavailableException e) {
      LOG.debug("Runner(id={}) left without deregistering: {}", runnerId, e.getMessage());
    }
    state = RunnerState.STOPPED;
    LOG.info("Runner(id={}) stopped", runnerId);
  }

  /**
   * Stops what is still running and only then gives it back: each activation is asked to stop and
   * given a moment to end (it releases itself as cancelled); whatever is still running after that is
   * released here, and can no longer post, since its lease check fails.
   */
  private void releaseRemaining() {
    for (InFlight f : inFlight.values()) {
      f.stop(Stop.DRAIN);
    }
    Instant until = Instant.now().plus(STOP_GRACE);
    while (!inFlight.isEmpty() && Instant.now().isBefore(until) && pause(Duration.ofMillis(20))) {
      // stopped activations settle on their own slots
    }
    inFlight.values().forEach(settlement::releaseStopped);
  }

  /** Sleeps for {@code d}; false (interrupt kept) when interrupted. */
  static boolean pause(Duration d) {
    try {
      Thread.sleep(d);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void join(Thread t) {
    try {
      t.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
