package io.botburrow.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import io.botburrow.secrets.Redactor;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

class RedactingEncoderTest {
  private static final String SECRET = "ghp_canary_0123456789abcdef";
  @TempDir Path tmp;

  /** A logger context configured from XML the way logback.xml is, writing to a buffer. */
  private static LoggerContext configured(String encoderXml, Path file) throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(MDC.getMDCAdapter());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    String xml = "<configuration><appender name='OUT' class='ch.qos.logback.core.FileAppender'><file>" + file
        + "</file>" + encoderXml + "</appender><root level='INFO'><appender-ref ref='OUT'/></root></configuration>";
    configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    return context;
  }

  private static String written(LoggerContext context, Path file) throws Exception {
    context.stop();
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static void logEverywhere(LoggerContext context) {
    Logger log = context.getLogger("io.botburrow.test");
    MDC.put("agent", "agent-" + SECRET);
    try {
      log.info("McpServer(name=leaky) stderr: TOKEN={}", SECRET);
      log.info("encoded {}", Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)));
      log.warn("call failed", new IllegalStateException("server said " + SECRET));
    } finally {
      MDC.remove("agent");
    }
  }

  @Test
  void aPatternLineHidesTheSecretInMessageArgumentsMdcAndStackTrace() throws Exception {
    Path out = Files.createTempFile(tmp, "log", ".txt");
    LoggerContext context = configured("<encoder class='io.botburrow.logging.RedactingEncoder'>"
        + "<encoder class='ch.qos.logback.classic.encoder.PatternLayoutEncoder'><pattern>%X{agent} %msg%n%ex</pattern></encoder>"
        + "</encoder>", out);
    LogRedaction.holder(context).set(Redactor.of(List.of(SECRET)));

    logEverywhere(context);

    String written = written(context, out);
    assertThat(written).contains("McpServer(name=leaky) stderr: TOKEN=[REDACTED]", "encoded [REDACTED]",
        "IllegalStateException: server said [REDACTED]", "agent-[REDACTED]");
    assertThat(written).doesNotContain(SECRET);
  }

  @Test
  void aJsonLineHidesTheSecretAndStaysValidJson() throws Exception {
    String quoted = "pass\"word\\with-quotes";
    Path out = Files.createTempFile(tmp, "log", ".txt");
    LoggerContext context = configured("<encoder class='io.botburrow.logging.RedactingEncoder'>"
        + "<encoder class='ch.qos.logback.classic.encoder.JsonEncoder'/></encoder>", out);
    LogRedaction.holder(context).set(Redactor.of(List.of(SECRET, quoted)));

    logEverywhere(context);
    context.getLogger("io.botburrow.test").info("db password {}", quoted);

    String written = written(context, out);
    assertThat(written).doesNotContain(SECRET).doesNotContain("pass\\\"word").contains("[REDACTED]");
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    for (String line : written.strip().split("\n")) {
      assertThat(mapper.readTree(line).isObject()).isTrue();
    }
  }

  @Test
  void withoutAnInstalledRedactorLinesPassThrough() throws Exception {
    Path out = Files.createTempFile(tmp, "log", ".txt");
    LoggerContext context = configured("<encoder class='io.botburrow.logging.RedactingEncoder'>"
        + "<encoder class='ch.qos.logback.classic.encoder.PatternLayoutEncoder'><pattern>%msg%n</pattern></encoder>"
        + "</encoder>", out);

    context.getLogger("x").info("plain {}", SECRET);

    assertThat(written(context, out)).isEqualTo("plain " + SECRET + "\n");
  }

  @Test
  void installAddsToTheRunningContextsRedactor() {
    LoggerContext running = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
    LogRedaction.install(Redactor.of(List.of("first-secret-value")));
    LogRedaction.install(Redactor.of(List.of("second-secret-value")));
    assertThat(LogRedaction.current(running).redact("first-secret-value second-secret-value"))
        .isEqualTo("[REDACTED] [REDACTED]");
  }
}
