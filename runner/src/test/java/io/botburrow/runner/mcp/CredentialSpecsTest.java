package io.botburrow.runner.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CredentialSpecsTest {

  @Test
  void readsEnvAndFileSourcesSeparatedByCommas() {
    assertThat(CredentialSpecs.parse("github", "GITHUB_PERSONAL_ACCESS_TOKEN=env:GITHUB_PAT, DB=file:/run/secrets/db"))
        .containsExactly(
            McpCredential.fromEnv("GITHUB_PERSONAL_ACCESS_TOKEN", "GITHUB_PAT"),
            McpCredential.fromFile("DB", "/run/secrets/db"));
  }

  @Test
  void aValueWithoutSourceIsRefusedAndNamesTheProperty() {
    assertThatThrownBy(() -> CredentialSpecs.parse("github", "TOKEN=hunter2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("botburrow.mcp.credentials.github")
        .hasMessageContaining("TOKEN")
        .hasMessageNotContaining("hunter2");
  }
}
