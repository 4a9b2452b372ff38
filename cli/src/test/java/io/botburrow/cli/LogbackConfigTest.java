package io.botburrow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import io.botburrow.logging.LogRedaction;
import io.botburrow.secrets.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;

/** The services' own logback configurations (plain and JSON) hide the secrets a runner installs. */
class LogbackConfigTest {
  private static final String SECRET = "s3-secret-canary-81f0c2";

  @ParameterizedTest
  @ValueSource(strings = {"logback.xml", "logback-json.xml"})
  void aSecretLoggedByTheRunnerNeverReachesTheConsole(String config) throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(MDC.getMDCAdapter());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LogbackConfigTest.class.getResource("/" + config));
    LogRedaction.install(context, Redactor.of(List.of(SECRET)));
    PrintStream console = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      context.getLogger("io.botburrow.runner.mcp.docker.DockerStdioTransport")
          .warn("McpServer(name=leaky) sent a line that is not JSON-RPC, ignored: {}", "token " + SECRET);
    } finally {
      System.setOut(console);
      context.stop();
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).contains("McpServer(name=leaky)").contains("[REDACTED]")
        .doesNotContain(SECRET);
  }
}
