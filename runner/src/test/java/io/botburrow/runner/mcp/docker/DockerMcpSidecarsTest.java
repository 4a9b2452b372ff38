package io.botburrow.runner.mcp.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DockerMcpSidecarsTest {

  @Test
  void redactsCredentialsFromServerOutput() {
    assertThat(DockerMcpSidecars.redact("bad token ghp_secret123 rejected", List.of("ghp_secret123", "")))
        .isEqualTo("bad token **** rejected");
  }
}
