package io.botburrow.runner.activation;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.agents.AgentConfig;
import io.botburrow.agents.AgentConfigParser;
import org.junit.jupiter.api.Test;

class WorkspaceProviderTest {

  private static AgentConfig config(String capabilities) {
    return new AgentConfigParser().parse("config.yaml", """
        name: persona
        type: native
        brain: {provider: openai, model: m}
        capabilities:
        """ + capabilities).config();
  }

  @Test
  void hubInMcpServersNamesTheRunnersHubToolsAndNeedsNoContainer() {
    assertThat(WorkspaceProvider.needsContainers(config("  grants: [hub:read]\n  mcp_servers: [hub]\n"))).isFalse();
    assertThat(WorkspaceProvider.needsContainers(config("  grants: [memory:read]\n  mcp_servers: [hub, memory]\n"))).isTrue();
  }
}
