package io.botburrow.coordinator;

import io.botburrow.coordinator.duties.LeaderDuty;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts every leader duty when leadership is gained and stops them when it is lost. */
public class DutyManager {
  private static final Logger LOG = LoggerFactory.getLogger(DutyManager.class);
  private final List<LeaderDuty> duties;
  private final CoordinatorMetrics metrics;
  private boolean leading;

  public DutyManager(List<LeaderDuty> duties, CoordinatorMetrics metrics) {
    this.duties = List.copyOf(duties);
    this.metrics = metrics;
  }

  public synchronized void leadershipGained(long fencingToken) {
    if (leading) {
      duties.forEach(LeaderDuty::stop);
    }
    leading = true;
    metrics.leader(true);
    LOG.info("Leadership gained with fencing token {}; starting {} duties", fencingToken, duties.size());
    duties.forEach(d -> d.start(fencingToken));
  }

  public synchronized void leadershipLost() {
    if (!leading) {
      return;
    }
    leading = false;
    metrics.leader(false);
    LOG.info("Leadership lost; stopping duties");
    duties.forEach(LeaderDuty::stop);
  }

  public synchronized boolean isLeading() {
    return leading;
  }
}
