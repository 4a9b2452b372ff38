package io.botburrow.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import io.botburrow.logs.ActivationLogs;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * Sends each log line that carries an {@code activation_id} (MDC) to that activation's log in {@link
 * ActivationLogs}, for the dashboard. Lines are redacted as the console's are ({@link LogRedaction});
 * they wait in a bounded queue and one thread ships them in batches, so logging never blocks on Redis:
 * when the queue is full or the store is down, lines are dropped and counted ({@link #dropped()}).
 */
final class ActivationLogAppender extends AppenderBase<ILoggingEvent> {
  static final String MDC_KEY = "activation_id";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final int BATCH = 500;
  private final ActivationLogs logs;
  private final BlockingQueue<Line> queue;
  private final AtomicLong dropped = new AtomicLong();
  private Thread shipper;

  private record Line(String activation, String text) {}

  ActivationLogAppender(ActivationLogs logs, int capacity) {
    this.logs = logs;
    this.queue = new ArrayBlockingQueue<>(capacity);
    setName("activation-logs");
  }

  /** Attaches a started appender to the root logger of logback's context; does nothing without logback. */
  static ActivationLogAppender install(ActivationLogs logs, int capacity) {
    ActivationLogAppender appender = new ActivationLogAppender(logs, capacity);
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      appender.setContext(context);
      appender.start();
      context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }
    return appender;
  }

  /** Detaches and stops this appender, shipping what it holds first (bounded wait). */
  void uninstall() {
    if (getContext() instanceof LoggerContext context) {
      context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
    }
    stop();
  }

  @Override
  public void start() {
    shipper = Thread.ofVirtual().name("activation-log-shipper").start(this::ship);
    super.start();
  }

  @Override
  public void stop() {
    super.stop();
    if (shipper != null) {
      shipper.interrupt();
      try {
        shipper.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  long dropped() {
    return dropped.get();
  }

  @Override
  protected void append(ILoggingEvent event) {
    String activation = event.getMDCPropertyMap().get(MDC_KEY);
    if (activation == null || activation.isBlank()) {
      return;
    }
    String line = LogRedaction.current(getContext()).redact(format(event));
    if (!queue.offer(new Line(activation, line))) {
      dropped.incrementAndGet();
    }
  }

  /** {@code HH:mm:ss.SSS LEVEL logger message}, and the exception's class and message if any. */
  static String format(ILoggingEvent event) {
    String logger = event.getLoggerName();
    StringBuilder line = new StringBuilder(TIME.format(event.getInstant())).append(' ').append(event.getLevel()).append(' ')
        .append(logger.substring(logger.lastIndexOf('.') + 1)).append(' ').append(event.getFormattedMessage());
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      line.append(" | ").append(thrown.getClassName()).append(": ").append(thrown.getMessage());
    }
    return line.toString();
  }

  private void ship() {
    List<Line> batch = new ArrayList<>(BATCH);
    boolean running = true;
    while (running || !queue.isEmpty()) {
      try {
        Line first = running ? queue.poll(1, TimeUnit.SECONDS) : queue.poll();
        if (first == null) {
          continue;
        }
        batch.add(first);
      } catch (InterruptedException e) {
        running = false; // ship what is left, without waiting
        continue;
      }
      queue.drainTo(batch, BATCH - 1);
      Map<String, List<String>> byActivation = new LinkedHashMap<>();
      batch.forEach(l -> byActivation.computeIfAbsent(l.activation(), a -> new ArrayList<>()).add(l.text()));
      byActivation.forEach((activation, lines) -> {
        try {
          logs.append(activation, lines);
        } catch (RuntimeException e) {
          // logging here would feed this appender; the lines are lost and counted
          dropped.addAndGet(lines.size());
        }
      });
      batch.clear();
      if (Thread.interrupted()) {
        running = false;
      }
    }
  }
}
