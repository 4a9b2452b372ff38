package io.botburrow.runner.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.runner.sandbox.SandboxLimits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class McpServerCatalogTest {
  private final McpServerCatalog catalog = McpServerCatalog.builtIn(SandboxLimits.defaults());

  @Test
  void aBareNameGetsTheConfiguredImageNetworkAndCredentials() {
    McpServerDefinition filesystem = catalog.resolve(McpServerRequest.named("filesystem"), SandboxLimits.defaults());
    assertThat(filesystem.image()).isEqualTo("botburrow/mcp-filesystem:latest");
    assertThat(filesystem.network()).isEqualTo("none");
    assertThat(filesystem.mountsWorkspace()).isTrue();

    McpServerDefinition github = catalog.resolve(McpServerRequest.named("github"), SandboxLimits.defaults());
    assertThat(github.credentials()).containsExactly(McpCredential.fromEnv("GITHUB_PERSONAL_ACCESS_TOKEN", "GITHUB_PAT"));
    assertThat(github.network()).isEqualTo("bridge");
  }

  @Test
  void theObjectFormChangesCommandAndEnvButNeverCredentialsOrNetwork() {
    McpServerDefinition custom = catalog.resolve(new McpServerRequest("github", null, "node",
        List.of("server.js"), Map.of("LOG_LEVEL", "debug")), SandboxLimits.defaults());
    assertThat(custom.command()).containsExactly("node", "server.js");
    assertThat(custom.env()).containsEntry("LOG_LEVEL", "debug");
    assertThat(custom.credentials()).hasSize(1);

    McpServerDefinition unknown = new McpServerCatalog(Map.of(), "botburrow/mcp-node:latest")
        .resolve(new McpServerRequest("mine", null, "node", List.of("x.js"), Map.of()), SandboxLimits.defaults());
    assertThat(unknown.credentials()).isEmpty();
    assertThat(unknown.network()).isEqualTo("none");
    assertThat(unknown.image()).isEqualTo("botburrow/mcp-node:latest");
  }

  @Test
  void anUnknownServerWithoutAnImageIsRefused() {
    assertThatThrownBy(() -> catalog.resolve(McpServerRequest.named("nope"), SandboxLimits.defaults()))
        .isInstanceOf(McpException.class).hasMessageContaining("unknown MCP server nope");
  }
}
