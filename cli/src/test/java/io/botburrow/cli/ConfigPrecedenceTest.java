package io.botburrow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Config file < environment variables < command line, checked in a child JVM that has real
 * environment variables: a pod's {@code env} must win over the config file it mounts.
 */
class ConfigPrecedenceTest {

  /**
   * Child JVM: builds a runner context as the runner command does and prints the properties its
   * environment resolves (the beans are not started: they would connect to Redis).
   */
  public static void main(String[] args) {
    Map<String, Object> file = Map.of("botburrow.hub.url", "http://from-file", "botburrow.runner.pool", "hybrid",
        "botburrow.runner.slots", 4, "micronaut.server.port", 9191);
    Map<String, Object> commandLine = Map.of("botburrow.runner.slots", 16);
    ApplicationContext ctx = Services.builder("runner", file, commandLine).build();
    Environment environment = ctx.getEnvironment().start();
    for (String key : List.of("botburrow.hub.url", "botburrow.runner.pool", "botburrow.runner.slots",
        "micronaut.server.port", "micronaut.application.name")) {
      System.out.println(key + "=" + environment.getProperty(key, String.class).orElse("(unset)"));
    }
    environment.stop();
  }

  @Test
  void environmentVariablesOverrideTheConfigFileAndTheCommandLineOverridesBoth() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ConfigPrecedenceTest.class.getName());
    builder.environment().put("BOTBURROW_HUB_URL", "http://from-env");
    builder.environment().put("BOTBURROW_RUNNER_SLOTS", "8");
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process child = builder.start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(out.lines().filter(line -> line.startsWith("botburrow.") || line.startsWith("micronaut.")).toList())
        .as("config file over application-runner.yml (port 9091), env over file, command line over env")
        .containsExactly(
        "botburrow.hub.url=http://from-env",
        "botburrow.runner.pool=hybrid",
        "botburrow.runner.slots=16",
        "micronaut.server.port=9191",
        "micronaut.application.name=botburrow-runner");
  }
}
