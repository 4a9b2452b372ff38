package io.botburrow.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.botburrow.logging.RedactingEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * Everything the services in this JVM log at DEBUG and above while open, written the way the services'
 * own logback configuration writes it (pattern layout inside the {@link RedactingEncoder}).
 */
final class CapturedLogs implements AutoCloseable {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
  private final Logger botburrow;
  private final Level previousLevel;

  private CapturedLogs() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayoutEncoder pattern = new PatternLayoutEncoder();
    pattern.setContext(context);
    pattern.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{20} [%X{agent:-} %X{activation_id:-}] %msg%n%ex");
    RedactingEncoder encoder = new RedactingEncoder();
    encoder.setContext(context);
    encoder.setEncoder(pattern);
    encoder.start();
    appender.setContext(context);
    appender.setName("captured-" + System.nanoTime());
    appender.setEncoder(encoder);
    appender.setOutputStream(bytes);
    appender.start();
    botburrow = context.getLogger("io.botburrow");
    previousLevel = botburrow.getLevel();
    botburrow.setLevel(Level.DEBUG);
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
  }

  static CapturedLogs ofRunner() {
    return new CapturedLogs();
  }

  synchronized String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
    botburrow.setLevel(previousLevel);
    appender.stop();
  }
}
