package io.botburrow.devkit.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.agents.AgentDefinition;
import io.botburrow.agents.AgentNotFoundException;
import io.botburrow.agents.AgentStoreUnavailableException;
import io.botburrow.agents.InvalidAgentDefinitionException;
import io.botburrow.agents.Skill;
import io.botburrow.agents.s3.BucketUploader;
import io.botburrow.agents.s3.S3AgentDefinitionStore;
import io.botburrow.agents.s3.S3ClientFactory;
import io.botburrow.agents.s3.S3Properties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** The corpus uploaded to a real S3 API (embedded s3proxy) and loaded back through the store. */
class S3AgentDefinitionStoreIT {
  private static final AtomicInteger BUCKETS = new AtomicInteger();
  private static EmbeddedS3 server;
  private static S3Client s3;

  private final String bucket = "defs-" + BUCKETS.incrementAndGet();
  private final MutableClock clock = new MutableClock();
  private final S3AgentDefinitionStore store = new S3AgentDefinitionStore(s3, bucket, clock);

  @BeforeAll
  static void startServer() {
    server = EmbeddedS3.startInMemory("dev-access", "dev-secret");
    s3 = S3ClientFactory.createClient(S3Properties.of(server.endpoint(), "unused", "dev-access", "dev-secret"));
  }

  @AfterAll
  static void stopServer() {
    s3.close();
    server.close();
  }

  @Test
  void uploaderWritesTheCorpusLayoutWithContentTypes() {
    Path corpus = Corpus.folder();

    List<String> keys = new BucketUploader(s3, bucket).upload(corpus);

    assertThat(keys).hasSize(15)
        .contains("agents/sprint-coder/config.yaml", "agents/sprint-coder/system-prompt.md", "skills/hub-search/SKILL.md")
        .noneMatch(key -> key.startsWith("schemas/") || key.startsWith("templates/"));
    HeadObjectResponse config = s3.headObject(b -> b.bucket(bucket).key("agents/sprint-coder/config.yaml"));
    assertThat(config.contentType()).startsWith("application/yaml");
    HeadObjectResponse skill = s3.headObject(b -> b.bucket(bucket).key("skills/hub-search/SKILL.md"));
    assertThat(skill.contentType()).startsWith("text/markdown");
  }

  @Test
  void loadsAllSixCorpusAgentsWithTheirPromptsAndSkills() {
    new BucketUploader(s3, bucket).upload(Corpus.folder());

    assertThat(store.listAgentNames()).containsExactlyElementsOf(Corpus.AGENTS);
    for (String name : Corpus.AGENTS) {
      AgentDefinition definition = store.load(name);
      assertThat(definition.name()).isEqualTo(name);
      assertThat(definition.systemPrompt()).startsWith("# ");
      assertThat(definition.skills()).extracting(Skill::name)
          .containsExactlyElementsOf(definition.config().capabilities().skills());
      assertThat(definition.skills()).allSatisfy(skill -> assertThat(skill.body()).isNotBlank());
    }
    assertThat(store.load("claude-coder-1").skills()).extracting(Skill::name)
        .containsExactly("hub-post", "hub-search", "budget-check");
  }

  @Test
  void exampleConfigFolderUploadsAsIsAndLoads() {
    List<String> keys = new BucketUploader(s3, bucket).upload(Corpus.exampleConfig());

    assertThat(keys).contains("agents/concierge/config.yaml", "agents/scout/system-prompt.md", "skills/hub-search/SKILL.md");
    assertThat(store.listAgentNames()).contains("concierge", "scout");
    assertThat(store.load("concierge").config().isNative()).isTrue();
    AgentDefinition scout = store.load("scout");
    assertThat(scout.systemPrompt()).contains("hub_search");
    assertThat(scout.skill("hub-search").orElseThrow().body()).contains("`hub_get_thread`");
  }

  @Test
  void seesAnUpdatedObjectAfterRevalidation() {
    new BucketUploader(s3, bucket).upload(Corpus.folder());
    AgentDefinition first = store.load("sprint-coder");
    int ttl = first.config().cacheTtlSeconds();

    clock.advance(Duration.ofSeconds(ttl));
    AgentDefinition unchanged = store.load("sprint-coder");
    put("agents/sprint-coder/system-prompt.md", "# Sprint Coder\nYou are quicker now.");
    AgentDefinition cached = store.load("sprint-coder");
    clock.advance(Duration.ofSeconds(ttl));
    AgentDefinition updated = store.load("sprint-coder");

    assertThat(unchanged).as("304 Not Modified keeps the cached copy").isSameAs(first);
    assertThat(cached).as("within the TTL").isSameAs(first);
    assertThat(updated.systemPrompt()).isEqualTo("# Sprint Coder\nYou are quicker now.");
    assertThat(updated.revision()).isNotEqualTo(first.revision());
  }

  @Test
  void brokenConfigIsReportedWithItsKeyAndField() {
    s3.createBucket(b -> b.bucket(bucket));
    put("agents/broken/config.yaml", "name: broken\ntype: native\nbrain: {provider: openai}\ncapabilities: {}\n");

    assertThatThrownBy(() -> store.load("broken"))
        .isInstanceOf(InvalidAgentDefinitionException.class)
        .hasMessage("agents/broken/config.yaml: brain.model: is required");
  }

  @Test
  void unknownAgentIsNotFound() {
    new BucketUploader(s3, bucket).upload(Corpus.folder());

    assertThatThrownBy(() -> store.load("no-such-agent"))
        .isInstanceOf(AgentNotFoundException.class)
        .hasMessageContaining("agents/no-such-agent/config.yaml");
  }

  @Test
  void missingBucketIsARetryableOutage() {
    S3AgentDefinitionStore elsewhere = new S3AgentDefinitionStore(s3, "no-such-bucket", clock);

    assertThatThrownBy(() -> elsewhere.load("sprint-coder"))
        .isInstanceOf(AgentStoreUnavailableException.class)
        .hasMessageContaining("GET s3://no-such-bucket/agents/sprint-coder/config.yaml failed (HTTP 404)");
  }

  private void put(String key, String text) {
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(text));
  }
}
