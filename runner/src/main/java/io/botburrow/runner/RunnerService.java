package io.botburrow.runner;

import io.botburrow.activation.ActivationId;
import io.botburrow.queue.ActivationClaims;
import io.botburrow.queue.Lease;
import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.runner.activation.ActivationRunner;
import io.botburrow.runners.RunnerRegistry;
import io.botburrow.runner.activation.ActivationControl;
import io.botburrow.runner.activation.ActivationControl.Stop;
import io.botburrow.runner.activation.ActivationOutcome;
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
 * while a heartbeat renews its lease, and settle it (complete, fail or release). On shutdown it stops
 * claiming, lets in-flight work finish within the drain timeout and releases the rest for redelivery.
 */
public class RunnerService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunnerService.class);
  /** How long a stopped activation gets to end by itself before drain releases it anyway. */
  public static final Duration STOP_GRACE = Duration.ofSeconds(5);
  private final ActivationClaims claims;
  private final ActivationRunner handler;
  private final RunnerProperties props;
  private final RunnerMetrics metrics;
  private final String runnerId;
  private final RunnerRegistry registry;
  private final ClaimObserver claimObserver;
  private final Clock clock;
  private final Map<ActivationId, InFlight> inFlight = new ConcurrentHashMap<>();
  private final List<Thread> slots = new ArrayList<>();
  private final ScheduledExecutorService heartbeat =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("lease-heartbeat").factory());
  private final RunnerHealth health;
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
    this.claims = claims;
    this.handler = handler;
    this.props = props;
    this.metrics = metrics;
    this.runnerId = runnerId;
    this.registry = registry;
    this.claimObserver = claimObserver;
    this.clock = clock;
    this.health = new RunnerHealth(props.heartbeatInterval(), clock);
  }

  public synchronized void start() {
    if (state != RunnerState.CREATED) {
      return;
    }
    state = RunnerState.RUNNING;
    for (int i = 0; i < props.slots(); i++) {
      slots.add(Thread.ofVirtual().name("slot-" + i).start(new Slot()));
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

  /**
   * A slot claims and runs activations until the runner stops; no exception ends it. A successful activation's
   * completion goes with the slot's next claim (one round trip instead of two); until it is sent, the activation
   * stays in flight, so a drain waits for it.
   */
  private final class Slot implements Runnable {
    /** The slot's last activation, whose completion goes with its next claim; null when there is none. */
    private InFlight finished;

    @Override
    public void run() {
      try {
        claimLoop();
      } finally {
        if (finished != null) {
          completeAlone(finished);
        }
      }
    }

    private void claimLoop() {
      int failures = 0;
      while (state == RunnerState.RUNNING) {
        try {
          Optional<Lease> lease = claimNext();
          failures = 0;
          health.slotWorked(clock.instant());
          if (lease.isPresent()) {
            Lease l = lease.get();
            if (state != RunnerState.RUNNING) {
              // the claim was waiting when the drain began: it is not this runner's to start any more
              handBack(l);
              continue;
            }
            claimObserver.claimed(l, clock.instant());
            finished = execute(l);
          }
        } catch (QueueUnavailableException e) {
          failures++;
          if (state != RunnerState.RUNNING) {
            return;
          }
          if (failures == 1) {
            LOG.warn("Runner(id={}) cannot reach the queue, retrying: {}", runnerId, e.getMessage());
          }
          metrics.error("claim");
          health.slotFailed(clock.instant());
          if (!pause(Duration.ofMillis(Math.min(5000, 250L * failures)))) {
            return;
          }
        } catch (RuntimeException | Error e) {
          failures++;
          metrics.error("slot");
          health.slotFailed(clock.instant());
          LOG.error("Runner(id={}) slot {} failed; it carries on", runnerId, Thread.currentThread().getName(), e);
          if (!pause(Duration.ofMillis(Math.min(5000, 250L * failures)))) {
            return;
          }
        }
      }
    }

    /**
     * The next claim, with the completion of the slot's finished activation if there is one: that first call
     * does not wait, so the activation leaves the in-flight set as soon as its completion is recorded.
     */
    private Optional<Lease> claimNext() {
      InFlight done = finished;
      if (done == null) {
        return claims.claim(props.runnerPool(), runnerId, props.claimWait());
      }
      Optional<Lease> lease = claims.completeAndClaim(done.lease, props.runnerPool(), runnerId, Duration.ZERO);
      finished = null;
      inFlight.remove(done.lease.activation().id());
      if (lease.isPresent() || state != RunnerState.RUNNING) {
        return lease;
      }
      return claims.claim(props.runnerPool(), runnerId, props.claimWait());
    }
  }

  private void completeAlone(InFlight done) {
    try {
      claims.complete(done.lease);
    } catch (RuntimeException e) {
      metrics.error("settle");
      LOG.warn("Activation(id={}, agent={}) could not be settled, it will be redelivered: {}",
          done.lease.activation().id(), done.lease.activation().agent(), e.getMessage());
    } finally {
      inFlight.remove(done.lease.activation().id());
    }
  }

  /**
   * Runs the activation and settles it; returns it when its completion is left to the slot's next claim (it then
   * stays in flight), else null.
   */
  private InFlight execute(Lease lease) {
    ActivationId id = lease.activation().id();
    InFlight f = new InFlight(lease, Thread.currentThread());
    inFlight.put(id, f);
    metrics.busy(1);
    boolean deferred = false;
    try {
      ActivationOutcome outcome = handler.handle(lease.activation(), f);
      deferred = settle(f, outcome);
    } catch (RuntimeException | Error e) {
      metrics.error("activation");
      LOG.error("Activation(id={}, agent={}) ended by an unexpected error; it is released for redelivery", id,
          lease.activation().agent(), e);
      settle(f, new ActivationOutcome.Cancelled("runner error: " + e, io.botburrow.llm.Usage.ZERO));
    } finally {
      f.finished();
      if (!deferred) {
        inFlight.remove(id);
      }
      metrics.busy(-1);
      // after finished() no stop request interrupts this slot any more: the next activation starts clean
      Thread.interrupted();
    }
    return deferred ? f : null;
  }

  private void handBack(Lease lease) {
    try {
      claims.release(lease);
      LOG.info("Activation(id={}, agent={}) claimed as the drain began; released for another runner",
          lease.activation().id(), lease.activation().agent());
    } catch (QueueUnavailableException e) {
      LOG.warn("Activation(id={}) claimed as the drain began could not be released; it is redelivered when its lease expires",
          lease.activation().id());
    }
  }

  /**
   * Settles the activation; returns whether its completion is left to the slot's next claim (only while the
   * runner runs: a draining slot claims no more).
   */
  private boolean settle(InFlight f, ActivationOutcome outcome) {
    synchronized (f) {
      if (f.lost || f.released) {
        return false;
      }
      try {
        switch (outcome) {
          case ActivationOutcome.Succeeded s -> {
            f.released = true;
            return completeOrDefer(f);
          }
          case ActivationOutcome.CouldNotAnswer c -> {
            f.released = true;
            return completeOrDefer(f);
          }
          case ActivationOutcome.Failed x -> {
            f.released = true;
            claims.fail(f.lease, x.error());
          }
          case ActivationOutcome.Deferred d -> {
            f.released = true;
            claims.defer(f.lease, props.hubRetry());
            LOG.info("Activation(id={}, agent={}) handed back, tried again in {} s: {}", f.lease.activation().id(),
                f.lease.activation().agent(), props.hubRetry().toSeconds(), d.reason());
          }
          case ActivationOutcome.Cancelled c -> {
            f.released = true;
            claims.release(f.lease);
            LOG.info("Activation(id={}, agent={}) stopped ({}) and released for redelivery", f.lease.activation().id(),
                f.lease.activation().agent(), c.reason());
          }
        }
      } catch (QueueUnavailableException e) {
        // The lease will expire and the activation is redelivered: nothing is lost, only time.
        metrics.error("settle");
        LOG.warn("Activation(id={}, agent={}) could not be settled, it will be redelivered: {}",
            f.lease.activation().id(), f.lease.activation().agent(), e.getMessage());
      }
      return false;
    }
  }

  private boolean completeOrDefer(InFlight f) {
    if (state == RunnerState.RUNNING) {
      return true;
    }
    claims.complete(f.lease);
    return false;
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
    for (InFlight f : inFlight.values()) {
      synchronized (f) {
        if (f.lost || f.released) {
          continue;
        }
        f.released = true;
        try {
          claims.release(f.lease);
          LOG.info("Activation(id={}, agent={}) released for redelivery", f.lease.activation().id(), f.lease.activation().agent());
        } catch (QueueUnavailableException e) {
          LOG.warn("Activation(id={}) could not be released; it is redelivered when its lease expires", f.lease.activation().id());
        }
      }
    }
  }

  private static boolean pause(Duration d) {
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

  /** One running activation: its lease, and the control its handler sees. */
  private final class InFlight implements ActivationControl {
    volatile Lease lease;
    final Thread thread;
    final Instant started = clock.instant();
    volatile boolean lost;
    /** Settled (completed, failed or released): a late renewal must not report it lost. */
    volatile boolean released;
    volatile Stop stop = Stop.NONE;
    private boolean finished;

    InFlight(Lease lease, Thread thread) {
      this.lease = lease;
      this.thread = thread;
    }

    /** Renews the lease; stops the activation when it is gone. */
    synchronized boolean renew() {
      if (lost || released) {
        return false;
      }
      try {
        Optional<Lease> renewed = claims.renew(lease);
        if (renewed.isPresent()) {
          lease = renewed.get();
          return true;
        }
        lost = true;
        LOG.warn("Activation(id={}, agent={}) lease lost; stopping it", lease.activation().id(), lease.activation().agent());
        stop(Stop.LEASE_LOST);
        return false;
      } catch (QueueUnavailableException e) {
        LOG.warn("Activation(id={}) lease renewal failed: {}", lease.activation().id(), e.getMessage());
        return false;
      }
    }

    /**
     * Asks the activation to stop. The slot's thread is interrupted only while this activation runs on
     * it: a late request (a lease found lost just as the work ended) must not hit the slot's next one.
     */
    synchronized void stop(Stop why) {
      if (stop == Stop.NONE) {
        stop = why;
      }
      if (!finished) {
        thread.interrupt();
      }
    }

    synchronized void finished() {
      finished = true;
    }

    @Override
    public boolean leaseHeld() {
      return stop == Stop.NONE && renew();
    }

    @Override
    public Stop stopRequested() {
      return stop;
    }
  }
}
