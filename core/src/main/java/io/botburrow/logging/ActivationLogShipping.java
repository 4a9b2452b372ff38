package io.botburrow.logging;

import io.botburrow.logs.ActivationLogs;

/**
 * Ships log lines that carry an {@code activation_id} to {@link ActivationLogs}, redacted, through a
 * bounded queue; see {@link ActivationLogAppender}. Does nothing when logback is not the backend.
 */
public final class ActivationLogShipping implements AutoCloseable {
  private final Object appender;

  private ActivationLogShipping(Object appender) {
    this.appender = appender;
  }

  /** Starts shipping; {@code capacity} lines may wait before lines are dropped. */
  public static ActivationLogShipping start(ActivationLogs logs, int capacity) {
    try {
      return new ActivationLogShipping(ActivationLogAppender.install(logs, capacity));
    } catch (LinkageError e) {
      return new ActivationLogShipping(null); // logback is an optional dependency
    }
  }

  /** Lines dropped so far (queue full or store unreachable). */
  public long dropped() {
    return appender instanceof ActivationLogAppender a ? a.dropped() : 0;
  }

  /** Stops shipping, after sending what waits (bounded). Idempotent. */
  @Override
  public void close() {
    if (appender instanceof ActivationLogAppender a && a.isStarted()) {
      a.uninstall();
    }
  }
}
