package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.runner.mcp.McpServerCatalog;
import io.botburrow.runner.mcp.McpSidecars;
import io.botburrow.runner.sandbox.Sandboxes;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SandboxFactoryTest {

  @Test
  void bindsPropertiesWithDefaultsAndCreatesTheRunnerBeans() {
    // The reaper reads runner heartbeats from Redis, so the runner context needs a real server.
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
    try (LocalRedis redis = LocalRedis.start();
        ApplicationContext context = ApplicationContext.run(Map.of(
        "botburrow.redis.url", redis.url(),
        "botburrow.runner.autostart", "false",
        "botburrow.sandbox.runner-id", "runner-test",
        "botburrow.sandbox.pool-size", "0",
        "botburrow.sandbox.memory-bytes", "134217728",
        "botburrow.sandbox.docker-host", "unix:///nonexistent/docker.sock",
        "botburrow.mcp.servers.env-echo.image", "botburrow/mcp-env-echo:latest",
        "botburrow.mcp.credentials.env-echo", "CANARY_TOKEN=env:BOTBURROW_TEST_CANARY",
        "botburrow.mcp.allowed-custom-images", "registry.example.com/mcp/*"), "runner")) {
      SandboxProperties properties = context.getBean(SandboxProperties.class);
      assertThat(properties.image()).isEqualTo("botburrow/agent-sandbox:latest");
      assertThat(properties.limits().memoryBytes()).isEqualTo(134217728L);
      assertThat(properties.pidsLimit()).isEqualTo(128);
      assertThat(properties.reaperPeriod()).isEqualTo(Duration.ofSeconds(60));
      assertThat(context.getBean(DockerSandboxConfig.class).runnerId()).isEqualTo("runner-test");
      assertThat(context.getBean(Sandboxes.class)).isInstanceOf(DockerSandboxes.class);
      assertThat(context.getBean(McpSidecars.class)).isNotNull();
      McpServerCatalog catalog = context.getBean(McpServerCatalog.class);
      assertThat(catalog.server("env-echo")).get().satisfies(s -> {
        assertThat(s.image()).isEqualTo("botburrow/mcp-env-echo:latest");
        assertThat(s.network()).isEqualTo("none");
        assertThat(s.credentials()).containsExactly(io.botburrow.runner.mcp.McpCredential.fromEnv("CANARY_TOKEN", "BOTBURROW_TEST_CANARY"));
      });
      assertThat(catalog.resolve(new io.botburrow.runner.mcp.McpServerRequest("mine", "registry.example.com/mcp/x:1", null,
          java.util.List.of(), Map.of()), properties.limits()).credentials()).isEmpty();
      assertThat(context.containsBean(SandboxReaper.class)).isTrue();
    }
  }

  @Test
  void outsideTheRunnerEnvironmentNoSandboxBeanExists() {
    try (ApplicationContext context = ApplicationContext.run(Map.of(), "hub")) {
      assertThat(context.containsBean(Sandboxes.class)).isFalse();
    }
  }

  @Test
  void canBeSwitchedOff() {
    // the runner's embedded LLM gateway keeps its budgets in Redis, so the context needs a real server
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
    try (LocalRedis redis = LocalRedis.start();
        ApplicationContext context = ApplicationContext.run(Map.of("botburrow.redis.url", redis.url(),
            "botburrow.runner.autostart", "false", "botburrow.sandbox.enabled", "false"), "runner")) {
      assertThat(context.containsBean(Sandboxes.class)).isFalse();
    }
  }
}
