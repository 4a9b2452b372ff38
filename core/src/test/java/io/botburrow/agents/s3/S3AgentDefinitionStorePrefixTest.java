package io.botburrow.agents.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.agents.AgentNotFoundException;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Two tenants' parts of one bucket: a store reads only its own prefix, so same-named agents stay apart. */
class S3AgentDefinitionStorePrefixTest {
  private static final String CONFIG = "name: helper\ntype: native\nbrain: {model: gpt-4o-mini}\ncapabilities: {}\n";
  private final FakeS3Client s3 = new FakeS3Client();
  private final S3AgentDefinitionStore root = new S3AgentDefinitionStore(s3, "bucket", Clock.systemUTC());
  private final S3AgentDefinitionStore acme = new S3AgentDefinitionStore(s3, "bucket", "acme/", Clock.systemUTC());
  private final S3AgentDefinitionStore beta = new S3AgentDefinitionStore(s3, "bucket", "beta/", Clock.systemUTC());

  @Test
  void eachPrefixServesItsOwnDefinitionOfTheSameName() {
    s3.put("agents/helper/config.yaml", CONFIG).put("agents/helper/system-prompt.md", "root helper")
        .put("acme/agents/helper/config.yaml", CONFIG).put("acme/agents/helper/system-prompt.md", "acme helper");

    assertThat(root.load("helper").systemPrompt()).isEqualTo("root helper");
    assertThat(acme.load("helper").systemPrompt()).isEqualTo("acme helper");
    assertThatThrownBy(() -> beta.load("helper")).isInstanceOf(AgentNotFoundException.class);
  }

  @Test
  void listsOnlyTheAgentsUnderItsPrefix() {
    s3.put("agents/root-only/config.yaml", CONFIG).put("acme/agents/helper/config.yaml", CONFIG)
        .put("acme/agents/writer/config.yaml", CONFIG).put("beta/agents/other/config.yaml", CONFIG);

    assertThat(acme.listAgentNames()).containsExactly("helper", "writer");
    assertThat(beta.listAgentNames()).containsExactly("other");
  }

  @Test
  void refusesAPrefixWithoutTrailingSlash() {
    assertThatThrownBy(() -> new S3AgentDefinitionStore(s3, "bucket", "acme", Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must end with '/'");
  }
}
