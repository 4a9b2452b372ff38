package io.botburrow.coordinator.duties;

import io.botburrow.queue.LeaseReaper;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Redelivers activations whose runner stopped renewing the lease (crashed or cut off). */
public final class LeaseReaperDuty extends LoopingDuty {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseReaperDuty.class);
  private final LeaseReaper reaper;
  private final Duration interval;

  public LeaseReaperDuty(LeaseReaper reaper, Duration interval, Duration maxBackoff) {
    super(maxBackoff);
    this.reaper = reaper;
    this.interval = interval;
  }

  @Override
  public String name() {
    return "lease-reaper";
  }

  @Override
  protected Duration step(long fencingToken) {
    int reaped = reaper.reapExpiredLeases();
    if (reaped > 0) {
      LOG.info("Redelivered {} activation(s) whose lease expired", reaped);
    }
    return interval;
  }
}
