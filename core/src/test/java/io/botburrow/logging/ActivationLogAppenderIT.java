package io.botburrow.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.botburrow.logs.ActivationLogs;
import io.botburrow.logs.redis.RedisActivationLogs;
import io.botburrow.redis.RedisProperties;
import io.botburrow.redis.RedissonFactory;
import io.botburrow.secrets.Redactor;
import io.botburrow.testing.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.slf4j.MDC;

/**
 * Log lines with an {@code activation_id} reach that activation's log in a real redis-server, redacted
 * like the console's, and lines of other activations or none stay out of it; the log is capped and expires.
 */
class ActivationLogAppenderIT {
  private static final String SECRET = "sk-canary-0123456789abcdef";
  private static final String ACTIVATION = "0123456789abcdef0123456789ab";
  private TestRedis server;
  private RedissonClient client;
  private ActivationLogs logs;
  private LoggerContext context;
  private ActivationLogAppender appender;

  @BeforeEach
  void start() {
    server = TestRedis.startOrSkip();
    client = RedissonFactory.createClient(RedisProperties.forUrl(server.url()));
    logs = new RedisActivationLogs(client, "botburrow:", 100, Duration.ofMinutes(5));
    context = new LoggerContext();
    context.setMDCAdapter(MDC.getMDCAdapter());
    LogRedaction.holder(context).set(Redactor.of(List.of(SECRET)));
    appender = new ActivationLogAppender(logs, 1000);
    appender.setContext(context);
    appender.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
  }

  @AfterEach
  void stop() {
    appender.uninstall();
    context.stop();
    client.shutdown();
    server.close();
  }

  private List<String> held(String activation) {
    return logs.follow(activation, null, Duration.ZERO).lines();
  }

  @Test
  void shipsAnActivationsLinesRedactedAndNoOtherLines() {
    org.slf4j.Logger log = context.getLogger("io.botburrow.runner.activation.ActivationHandler");
    log.info("outside any activation");
    MDC.put("activation_id", ACTIVATION);
    try {
      log.info("Activation(id={}) started with token {}", ACTIVATION, SECRET);
      log.warn("tool failed", new IllegalStateException("server said " + SECRET));
    } finally {
      MDC.remove("activation_id");
    }

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(held(ACTIVATION)).hasSize(2));
    List<String> lines = held(ACTIVATION);
    assertThat(lines.get(0)).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO ActivationHandler Activation\\(id=" + ACTIVATION
        + "\\) started with token \\[REDACTED\\]");
    assertThat(lines.get(1)).endsWith("WARN ActivationHandler tool failed | java.lang.IllegalStateException: server said [REDACTED]");
    assertThat(String.join("\n", lines)).doesNotContain(SECRET).doesNotContain("outside any activation");
    assertThat(client.getKeys().remainTimeToLive("botburrow:activation-log:" + ACTIVATION)).isBetween(1L, 300_000L);
  }

  @Test
  void followsNewLinesAfterAPositionAndKeepsAboutTheNewestLines() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      lines.add("line " + i);
    }
    logs.append(ACTIVATION, lines);
    ActivationLogs.Page first = logs.follow(ACTIVATION, null, Duration.ZERO);
    assertThat(first.lines().size()).isBetween(100, 200);
    assertThat(first.lines().getLast()).isEqualTo("line 499");

    logs.append(ACTIVATION, List.of("line 500"));
    ActivationLogs.Page next = logs.follow(ACTIVATION, first.position(), Duration.ofSeconds(1));
    assertThat(next.lines()).containsExactly("line 500");
    assertThat(logs.follow(ACTIVATION, next.position(), Duration.ofMillis(100)).lines()).isEmpty();
  }
}
