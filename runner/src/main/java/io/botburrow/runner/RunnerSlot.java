package io.botburrow.runner;

import io.botburrow.activation.ActivationId;
import io.botburrow.llm.Usage;
import io.botburrow.queue.ActivationClaims;
import io.botburrow.queue.Lease;
import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.runner.activation.ActivationOutcome;
import io.botburrow.runner.activation.ActivationRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A slot claims and runs activations until the runner stops; no exception ends it. A successful activation's
 * completion goes with the slot's next claim (one round trip instead of two); until it is sent, the activation
 * stays in flight, so a drain waits for it.
 */
final class RunnerSlot implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(RunnerSlot.class);

  /** What a slot works with; one per runner, shared by its slots. */
  record Context(
      ActivationClaims claims,
      ActivationRunner handler,
      Settlement settlement,
      RunnerProperties props,
      RunnerMetrics metrics,
      RunnerHealth health,
      ClaimObserver claimObserver,
      Clock clock,
      String runnerId,
      Map<ActivationId, InFlight> inFlight,
      BooleanSupplier running) {}

  private final Context c;
  /** The slot's last activation, whose completion goes with its next claim; null when there is none. */
  private InFlight finished;

  RunnerSlot(Context context) {
    this.c = context;
  }

  @Override
  public void run() {
    try {
      claimLoop();
    } finally {
      if (finished != null) {
        c.settlement().complete(finished.lease);
        c.inFlight().remove(finished.lease.activation().id());
      }
    }
  }

  private void claimLoop() {
    int failures = 0;
    while (c.running().getAsBoolean()) {
      try {
        Optional<Lease> lease = claimNext();
        failures = 0;
        c.health().slotWorked(c.clock().instant());
        if (lease.isPresent()) {
          start(lease.get());
        }
      } catch (QueueUnavailableException e) {
        failures++;
        if (!c.running().getAsBoolean()) {
          return;
        }
        if (failures == 1) {
          LOG.warn("Runner(id={}) cannot reach the queue, retrying: {}", c.runnerId(), e.getMessage());
        }
        c.metrics().error("claim");
        c.health().slotFailed(c.clock().instant());
        if (!backOff(failures)) {
          return;
        }
      } catch (RuntimeException | Error e) {
        failures++;
        c.metrics().error("slot");
        c.health().slotFailed(c.clock().instant());
        LOG.error("Runner(id={}) slot {} failed; it carries on", c.runnerId(), Thread.currentThread().getName(), e);
        if (!backOff(failures)) {
          return;
        }
      }
    }
  }

  private void start(Lease lease) {
    if (!c.running().getAsBoolean()) {
      // the claim was waiting when the drain began: it is not this runner's to start any more
      c.settlement().handBack(lease);
      return;
    }
    Instant now = c.clock().instant();
    if (lapsesBeforeRenewal(lease, now, c.props().heartbeatInterval())) {
      // the claim's answer came late (this process or Redis stalled): the lease may lapse, or has lapsed and the
      // work was handed out again, before the first renewal; running it here could run it twice
      c.metrics().error("late-claim");
      LOG.warn("Activation(id={}, agent={}) claimed with {} ms of its lease left, too little to renew it in time; "
          + "not started here, it is handed out again when the lease lapses", lease.activation().id(),
          lease.activation().agent(), Duration.between(now, lease.expiresAt()).toMillis());
      return;
    }
    c.claimObserver().claimed(lease, now);
    finished = execute(lease);
  }

  /**
   * Whether {@code lease} may lapse before the heartbeat (every {@code heartbeat}) first renews it: less than one
   * interval is left (a fresh claim has the whole lease, many intervals).
   */
  static boolean lapsesBeforeRenewal(Lease lease, Instant now, Duration heartbeat) {
    return Duration.between(now, lease.expiresAt()).compareTo(heartbeat) < 0;
  }

  /**
   * The next claim, with the completion of the slot's finished activation if there is one: that first call
   * does not wait, so the activation leaves the in-flight set as soon as its completion is recorded.
   */
  private Optional<Lease> claimNext() {
    RunnerProperties props = c.props();
    InFlight done = finished;
    if (done == null) {
      return c.claims().claim(props.runnerPool(), c.runnerId(), props.claimWait());
    }
    Optional<Lease> lease = c.claims().completeAndClaim(done.lease, props.runnerPool(), c.runnerId(), Duration.ZERO);
    finished = null;
    c.inFlight().remove(done.lease.activation().id());
    if (lease.isPresent() || !c.running().getAsBoolean()) {
      return lease;
    }
    return c.claims().claim(props.runnerPool(), c.runnerId(), props.claimWait());
  }

  /**
   * Runs the activation and settles it; returns it when its completion is left to the slot's next claim (it then
   * stays in flight), else null.
   */
  private InFlight execute(Lease lease) {
    ActivationId id = lease.activation().id();
    InFlight f = new InFlight(c.claims(), lease, Thread.currentThread(), c.clock().instant());
    InFlight running = c.inFlight().putIfAbsent(id, f);
    if (running != null) {
      // never expected (the queue runs an agent once at a time): running it twice would answer twice, and
      // settling this copy would end the lease the running one holds
      c.metrics().error("duplicate-claim");
      LOG.error("Activation(id={}, agent={}) claimed again while it runs on this runner since {}; the second claim is "
          + "dropped", id, lease.activation().agent(), running.started);
      return null;
    }
    c.metrics().busy(1);
    boolean completionWaits = false;
    try {
      ActivationOutcome outcome = c.handler().handle(lease.activation(), f);
      completionWaits = c.settlement().settle(f, outcome, c.running().getAsBoolean());
    } catch (RuntimeException | Error e) {
      c.metrics().error("activation");
      LOG.error("Activation(id={}, agent={}) ended by an unexpected error; it is released for redelivery", id,
          lease.activation().agent(), e);
      c.settlement().settle(f, new ActivationOutcome.Cancelled("runner error: " + e, Usage.ZERO), false);
    } finally {
      f.finished();
      if (!completionWaits) {
        c.inFlight().remove(id);
      }
      c.metrics().busy(-1);
      // after finished() no stop request interrupts this slot any more: the next activation starts clean
      Thread.interrupted();
    }
    return completionWaits ? f : null;
  }

  private static boolean backOff(int failures) {
    return RunnerService.pause(Duration.ofMillis(Math.min(5000, 250L * failures)));
  }
}
