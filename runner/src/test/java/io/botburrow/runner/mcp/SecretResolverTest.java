package io.botburrow.runner.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretResolverTest {

  @Test
  void readsSecretsFromRunnerVariablesAndMountedFiles(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("token");
    Files.writeString(file, "from-file\n");
    SecretResolver resolver = new SecretResolver(Map.of("GITHUB_PAT", "from-env")::get);
    assertThat(resolver.resolve("github", List.of(
        McpCredential.fromEnv("GITHUB_PERSONAL_ACCESS_TOKEN", "GITHUB_PAT"),
        McpCredential.fromFile("OTHER", file.toString()))))
        .containsExactly(Map.entry("GITHUB_PERSONAL_ACCESS_TOKEN", "from-env"), Map.entry("OTHER", "from-file"));
  }

  @Test
  void aMissingSecretFailsNamingTheVariableOnly() {
    SecretResolver resolver = new SecretResolver(Map.<String, String>of()::get);
    assertThatThrownBy(() -> resolver.resolve("github", List.of(McpCredential.fromEnv("TOKEN", "GITHUB_PAT"))))
        .isInstanceOf(McpException.class).hasMessageContaining("GITHUB_PAT").hasMessageContaining("github");
  }

  @Test
  void aCredentialNeedsExactlyOneSource() {
    assertThatThrownBy(() -> new McpCredential("TOKEN", "A", "/b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new McpCredential("TOKEN", null, null)).isInstanceOf(IllegalArgumentException.class);
  }
}
