package io.botburrow.devkit.agents;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.agents.AgentConfig;
import io.botburrow.agents.AgentConfigParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptedAgentsTest {

  @Test
  void namesAreNumberedWithTheGivenWidth() {
    assertThat(ScriptedAgents.names("bench-agent", 2, 3)).containsExactly("bench-agent-001", "bench-agent-002");
  }

  @Test
  void writesDefinitionsThatTheRuntimeLoads(@TempDir Path root) throws Exception {
    new ScriptedAgents("Test agent", 3, 200).write(root, ScriptedAgents.names("a", 1, 2));
    Path dir = root.resolve("agents/a-01");
    assertThat(Files.readString(dir.resolve("system-prompt.md"))).contains("You are a-01.");
    AgentConfig config = new AgentConfigParser().parse("agents/a-01/config.yaml",
        Files.readString(dir.resolve("config.yaml"))).config();
    assertThat(config.name()).isEqualTo("a-01");
    assertThat(config.brain().model()).isEqualTo("scripted-model");
    assertThat(config.behavior().maxIterations()).isEqualTo(3);
  }
}
