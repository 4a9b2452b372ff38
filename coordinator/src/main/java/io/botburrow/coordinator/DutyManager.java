package io.botburrow.coordinator;

import io.botburrow.coordinator.duties.LeaderDuty;
import io.botburrow.leader.LeadershipListener;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts every leader duty when leadership is gained and stops them when it is lost. Transitions run
 * in order on one thread of their own, so the election's thread is never blocked.
 */
public class DutyManager implements LeadershipListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DutyManager.class);
  private final List<LeaderDuty> duties;
  private final CoordinatorMetrics metrics;
  private final ExecutorService transitions =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("leader-duties").factory());
  private volatile boolean leading;

  public DutyManager(List<LeaderDuty> duties, CoordinatorMetrics metrics) {
    this.duties = List.copyOf(duties);
    this.metrics = metrics;
  }

  @Override
  public void leadershipGained(long fencingToken) {
    leading = true;
    metrics.leader(true);
    transition(() -> {
      LOG.info("Leadership gained with fencing token {}; starting {} duties", fencingToken, duties.size());
      duties.forEach(LeaderDuty::stop);
      duties.forEach(d -> d.start(fencingToken));
    });
  }

  @Override
  public void leadershipLost() {
    leading = false;
    metrics.leader(false);
    transition(() -> {
      LOG.info("Leadership lost; stopping duties");
      duties.forEach(LeaderDuty::stop);
    });
  }

  private void transition(Runnable change) {
    try {
      transitions.execute(change);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closed: every duty was already stopped
    }
  }

  public boolean isLeading() {
    return leading;
  }

  @Override
  public void close() {
    transitions.execute(() -> duties.forEach(LeaderDuty::stop));
    transitions.shutdown();
    try {
      transitions.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
