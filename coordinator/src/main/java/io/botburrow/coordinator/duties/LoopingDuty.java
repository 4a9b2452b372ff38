package io.botburrow.coordinator.duties;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A duty that runs {@link #step} on its own virtual thread until stopped, pausing for whatever the
 * step asks and backing off after failures.
 */
public abstract class LoopingDuty implements LeaderDuty {
  private static final Logger LOG = LoggerFactory.getLogger(LoopingDuty.class);
  private final AtomicReference<Thread> thread = new AtomicReference<>();
  private final Duration maxBackoff;
  private volatile boolean running;

  protected LoopingDuty(Duration maxBackoff) {
    this.maxBackoff = maxBackoff;
  }

  /** One iteration. Returns how long to pause before the next. Throws on failure. */
  protected abstract Duration step(long fencingToken) throws Exception;

  @Override
  public void start(long fencingToken) {
    running = true;
    Thread t =
        Thread.ofVirtual()
            .name("duty-" + name())
            .unstarted(() -> loop(fencingToken));
    if (thread.compareAndSet(null, t)) {
      t.start();
      LOG.info("Duty(name={}) started with fencing token {}", name(), fencingToken);
    }
  }

  private void loop(long token) {
    int failures = 0;
    while (running && !Thread.currentThread().isInterrupted()) {
      Duration pause;
      try {
        pause = step(token);
        failures = 0;
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        if (!running) {
          return;
        }
        failures++;
        pause = Backoff.after(failures, maxBackoff);
        LOG.warn("Duty(name={}) failed {} time(s), retrying in {} ms: {}", name(), failures, pause.toMillis(), e.toString());
      }
      if (!pause.isZero() && !sleep(pause)) {
        return;
      }
    }
  }

  private static boolean sleep(Duration pause) {
    try {
      Thread.sleep(pause);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void stop() {
    running = false;
    Thread t = thread.getAndSet(null);
    if (t != null) {
      t.interrupt();
      try {
        t.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      LOG.info("Duty(name={}) stopped", name());
    }
  }

  protected boolean isRunning() {
    return running;
  }
}
