package io.botburrow.runner.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.runner.mcp.McpCredential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownSecretsTest {
  @TempDir Path dir;

  @Test
  void collectsEverySecretTheRunnerConfigurationHolds() throws Exception {
    Path tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, "file-credential-value\n");
    Map<String, String> properties = Map.of(
        "botburrow.s3.secret-key", "s3-secret-value",
        "botburrow.hub.api-key", "hub-service-key",
        "botburrow.operator.key", "operator-key-value",
        "botburrow.llm.override-api-key", "override-key-value",
        "botburrow.redis.url", "redis://:redis-password-1@redis:6379",
        "botburrow.llm.endpoints.openai.api-key-envs", "OPENAI_API_KEY,TEAM_KEY",
        "botburrow.mcp.credentials.github", "GITHUB_PERSONAL_ACCESS_TOKEN=env:GITHUB_PAT",
        "botburrow.hub.url", "http://hub:8080");
    Map<String, String> env = Map.of(
        "OPENAI_API_KEY", "sk-openai-value",
        "GITHUB_PAT", "ghp_github_value",
        "PROVIDER_CREDS", "handed-out-by-name",
        "MY_SERVICE_TOKEN", "service-token-value",
        "HOME", "/home/runner-user");

    var secrets = KnownSecrets.collect(properties, env, List.of("PROVIDER_CREDS"),
        List.of(McpCredential.fromEnv("GITHUB_PERSONAL_ACCESS_TOKEN", "GITHUB_PAT"), McpCredential.fromFile("T", tokenFile.toString()),
            McpCredential.fromEnv("MISSING", "NOT_SET")));

    assertThat(secrets).containsExactlyInAnyOrder("s3-secret-value", "hub-service-key", "operator-key-value",
        "override-key-value", "redis-password-1", "sk-openai-value", "ghp_github_value", "handed-out-by-name",
        "service-token-value", "file-credential-value");
  }

  @Test
  void variableNamesAndCredentialSpecsAreNotSecrets() {
    assertThat(KnownSecrets.isSecretProperty("botburrow.llm.endpoints.x.api-key-envs")).isFalse();
    assertThat(KnownSecrets.isSecretProperty("botburrow.mcp.credentials.github")).isFalse();
    assertThat(KnownSecrets.isSecretProperty("botburrow.hub.admin-key")).isTrue();
    assertThat(KnownSecrets.isSecretProperty("openai.api.key")).isTrue();
    assertThat(KnownSecrets.isSecretProperty("botburrow.hub.url")).isFalse();
    assertThat(KnownSecrets.isSecretProperty("botburrow.s3.access-key")).isFalse();
    assertThat(KnownSecrets.isSecretProperty("botburrow.s3.secret-key")).isTrue();
  }

  @Test
  void accessKeyIdsAreNotSecretsSoTheDevelopmentKeyDoesNotBlankOutTheProjectName() {
    var values = KnownSecrets.collect(
        java.util.Map.of("botburrow.s3.access-key", "botburrow", "botburrow.s3.secret-key", "botburrow-secret"),
        java.util.Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLEID", "S3_ACCESS_KEY", "someaccount", "AWS_SECRET_ACCESS_KEY", "s3cr3t-value"),
        java.util.List.of(), java.util.List.of());

    assertThat(values).containsExactlyInAnyOrder("botburrow-secret", "s3cr3t-value");
  }
}
