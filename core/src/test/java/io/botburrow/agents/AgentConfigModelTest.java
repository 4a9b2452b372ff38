package io.botburrow.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgentConfigModelTest {

  @Test
  void minimalConfigGetsEveryDefault() {
    AgentConfig config = AgentConfig.of("helper", "native", Brain.of("gpt-4o-mini"), Capabilities.grants("hub:read"));

    assertThat(config.displayName()).isEqualTo("helper");
    assertThat(config.cacheTtlSeconds()).isEqualTo(300);
    assertThat(config.brain().provider()).isEqualTo("anthropic");
    assertThat(config.brain().temperature()).isEqualTo(0.7);
    assertThat(config.brain().maxTokens()).isEqualTo(4096);
    assertThat(config.behavior()).isEqualTo(new Behavior(true, true, true, 10, Discovery.disabled(), Limits.defaults()));
    assertThat(config.behavior().limits())
        .isEqualTo(new Limits(5, 50, 3, 60, 100_000));
    assertThat(config.capabilities().shell().timeoutSeconds()).isEqualTo(120);
    assertThat(config.sandbox())
        .isEqualTo(new SandboxSpec("botburrow/agent-sandbox:latest", 1.0, 512L << 20, 128, 64L << 20, 300));
    assertThat(config.extensions()).isEmpty();
  }

  @Test
  void grantsMatchExactlyAndNativeIsRecognised() {
    AgentConfig config = AgentConfig.of("helper", "native", Brain.of("m"), Capabilities.grants("hub:read"));

    assertThat(config.hasGrant("hub:read")).isTrue();
    assertThat(config.hasGrant("hub")).isFalse();
    assertThat(config.hasGrant("hub:write")).isFalse();
    assertThat(config.isNative()).isTrue();
    assertThat(config.withCapabilities(Capabilities.none()).hasGrant("hub:read")).isFalse();
  }

  @Test
  void rejectsOutOfRangeValuesNamingTheField() {
    assertThatThrownBy(() -> Behavior.defaults().withMaxIterations(51))
        .hasMessage("max_iterations: must be between 1 and 50, was 51");
    assertThatThrownBy(() -> new Brain("openai", "m", null, null, 2.5, 4096, List.of()))
        .hasMessageStartingWith("temperature: must be between");
    assertThatThrownBy(() -> AgentConfig.of("helper", "robot", Brain.of("m"), Capabilities.none()))
        .hasMessageStartingWith("type: must be one of");
    assertThatThrownBy(() -> Capabilities.grants("hub"))
        .hasMessageStartingWith("grants[0]: 'hub' does not match");
  }

  @Test
  void parsesDockerStyleSizes() {
    assertThat(DataSize.parseBytes("512m")).isEqualTo(512L * 1024 * 1024);
    assertThat(DataSize.parseBytes("1g")).isEqualTo(1L << 30);
    assertThat(DataSize.parseBytes("64MiB")).isEqualTo(64L << 20);
    assertThat(DataSize.parseBytes("1.5k")).isEqualTo(1536);
    assertThat(DataSize.parseBytes("4096")).isEqualTo(4096);
    assertThat(DataSize.format(512L << 20)).isEqualTo("512m");
    assertThatThrownBy(() -> DataSize.parseBytes("lots")).isInstanceOf(IllegalArgumentException.class);
  }
}
