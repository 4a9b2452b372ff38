package io.botburrow.coordinator.duties;

import io.botburrow.queue.LeaseReaper;
import io.botburrow.runners.RunnerObserver;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes back the work of runners that died: at once when the runner missed its heartbeats for a
 * whole window this leader watched ({@link RunnerObserver}), and in any case when a lease expired.
 * Each term starts watching afresh, so a leader change redelivers nothing of live runners.
 */
public final class LeaseReaperDuty extends LoopingDuty {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseReaperDuty.class);
  private final LeaseReaper reaper;
  private final RunnerObserver runners;
  private final Duration interval;

  public LeaseReaperDuty(LeaseReaper reaper, RunnerObserver runners, Duration interval, Duration maxBackoff) {
    super(maxBackoff);
    this.reaper = reaper;
    this.runners = runners;
    this.interval = interval;
  }

  @Override
  public String name() {
    return "lease-reaper";
  }

  @Override
  public void start(long fencingToken) {
    // what an earlier term saw may be stale: this term could not watch in between
    runners.reset();
    super.start(fencingToken);
  }

  @Override
  protected Duration step(long fencingToken) {
    int reaped = reaper.reapExpiredLeases();
    if (reaped > 0) {
      LOG.info("Redelivered {} activation(s) whose lease expired", reaped);
    }
    Set<String> dead = runners.dead(reaper.leaseHolders());
    for (String runner : dead) {
      int taken = reaper.reapLeasesOf(runner);
      if (taken > 0) {
        LOG.info("Runner(id={}) missed its heartbeats; redelivered {} activation(s) at once", runner, taken);
      }
    }
    return interval;
  }
}
