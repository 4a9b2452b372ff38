package io.botburrow.agents.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.agents.AgentDefinition;
import io.botburrow.agents.AgentNotFoundException;
import io.botburrow.agents.AgentStoreUnavailableException;
import io.botburrow.agents.InvalidAgentDefinitionException;
import io.botburrow.agents.Skill;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store's caching and error rules, against an in-memory bucket and a hand-moved clock. */
class S3AgentDefinitionStoreTest {
  private static final String CONFIG = """
      name: helper
      type: native
      brain: {model: gpt-4o-mini}
      capabilities: {skills: [hub-search]}
      cache_ttl: 60
      """;
  private static final String SKILL = "---\nname: hub-search\ndescription: Search\n---\n# Search\nUse hub_search.\n";

  private final FakeS3Client s3 = new FakeS3Client();
  private final MutableClock clock = new MutableClock();
  private final S3AgentDefinitionStore store = new S3AgentDefinitionStore(s3, "bucket", clock);

  @BeforeEach
  void fillBucket() {
    s3.put("agents/helper/config.yaml", CONFIG)
        .put("agents/helper/system-prompt.md", "You are helper.")
        .put("skills/hub-search/SKILL.md", SKILL);
  }

  @Test
  void loadsConfigPromptAndSkills() {
    AgentDefinition definition = store.load("helper");

    assertThat(definition.name()).isEqualTo("helper");
    assertThat(definition.systemPrompt()).isEqualTo("You are helper.");
    assertThat(definition.skills()).extracting(Skill::name).containsExactly("hub-search");
    assertThat(definition.skill("hub-search").orElseThrow().body()).isEqualTo("# Search\nUse hub_search.\n");
    assertThat(definition.revision()).hasSize(16);
  }

  @Test
  void missingPromptIsEmptyAndMissingSkillIsSkipped() {
    s3.delete("agents/helper/system-prompt.md");
    s3.delete("skills/hub-search/SKILL.md");

    AgentDefinition definition = store.load("helper");

    assertThat(definition.systemPrompt()).isEmpty();
    assertThat(definition.skills()).isEmpty();
    assertThat(definition.config().capabilities().skills()).containsExactly("hub-search");
  }

  @Test
  void invalidSkillIsSkipped() {
    s3.put("skills/hub-search/SKILL.md", "no front-matter");

    assertThat(store.load("helper").skills()).isEmpty();
  }

  @Test
  void unknownAgentIsNotFound() {
    assertThatThrownBy(() -> store.load("nobody"))
        .isInstanceOf(AgentNotFoundException.class)
        .hasMessageContaining("agents/nobody/config.yaml");
    assertThatThrownBy(() -> store.load("../agents/helper")).isInstanceOf(AgentNotFoundException.class);
  }

  @Test
  void invalidConfigNamesTheObjectKeyAndField() {
    s3.put("agents/helper/config.yaml", CONFIG.replace("brain: {model: gpt-4o-mini}", "brain: {temperature: 1}"));

    assertThatThrownBy(() -> store.load("helper"))
        .isInstanceOf(InvalidAgentDefinitionException.class)
        .hasMessage("agents/helper/config.yaml: brain.model: is required");
  }

  @Test
  void servesTheCachedCopyWithinTheTtlWithoutAskingTheBucket() {
    AgentDefinition first = store.load("helper");
    int downloads = s3.downloads.get();
    s3.put("agents/helper/system-prompt.md", "Changed.");
    clock.advance(Duration.ofSeconds(59));

    assertThat(store.load("helper")).isSameAs(first);
    assertThat(s3.downloads.get()).isEqualTo(downloads);
    assertThat(s3.notModified.get()).isZero();
  }

  @Test
  void revalidatesAfterTheTtlAndKeepsTheCachedCopyWhenNothingChanged() {
    AgentDefinition first = store.load("helper");
    int downloads = s3.downloads.get();
    clock.advance(Duration.ofSeconds(60));

    AgentDefinition second = store.load("helper");

    assertThat(second).isSameAs(first);
    assertThat(s3.downloads.get()).isEqualTo(downloads);
    assertThat(s3.notModified.get()).isEqualTo(3);
  }

  @Test
  void seesAnUpdatedObjectAfterTheTtlWithANewRevision() {
    AgentDefinition first = store.load("helper");
    s3.put("agents/helper/system-prompt.md", "You are a new helper.");
    clock.advance(Duration.ofSeconds(61));

    AgentDefinition second = store.load("helper");

    assertThat(second.systemPrompt()).isEqualTo("You are a new helper.");
    assertThat(second.revision()).isNotEqualTo(first.revision());
    assertThat(second.config()).isSameAs(first.config());
  }

  @Test
  void servesTheStaleCopyWhileTheBucketIsDownAndRetriesSoon() {
    AgentDefinition first = store.load("helper");
    s3.down(true);
    clock.advance(Duration.ofSeconds(61));

    assertThat(store.load("helper")).isSameAs(first);

    s3.down(false);
    s3.put("agents/helper/system-prompt.md", "Back.");
    clock.advance(S3AgentDefinitionStore.STALE_RETRY);
    assertThat(store.load("helper").systemPrompt()).isEqualTo("Back.");
  }

  @Test
  void bucketDownWithNothingCachedIsRetryable() {
    s3.down(true);

    assertThatThrownBy(() -> store.load("helper"))
        .isInstanceOf(AgentStoreUnavailableException.class)
        .hasMessageContaining("GET s3://bucket/agents/helper/config.yaml failed")
        .matches(e -> ((AgentStoreUnavailableException) e).retryable());
    assertThatThrownBy(store::listAgentNames).isInstanceOf(AgentStoreUnavailableException.class);
  }

  @Test
  void deletedConfigIsNotFoundAfterTheTtl() {
    store.load("helper");
    s3.delete("agents/helper/config.yaml");
    clock.advance(Duration.ofSeconds(60));

    assertThatThrownBy(() -> store.load("helper")).isInstanceOf(AgentNotFoundException.class);
  }

  @Test
  void concurrentFirstLoadsShareOneFetch() throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<AgentDefinition>> loads = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        loads.add(pool.submit(() -> store.load("helper")));
      }
      for (Future<AgentDefinition> load : loads) {
        assertThat(load.get(30, TimeUnit.SECONDS).name()).isEqualTo("helper");
      }
    }

    assertThat(s3.downloads.get()).as("config, prompt and skill fetched once").isEqualTo(3);
  }

  @Test
  void listsOnlyAgentsThatHaveAConfig() {
    s3.put("agents/other/config.yaml", CONFIG.replace("helper", "other"))
        .put("agents/orphan/system-prompt.md", "no config")
        .put("agents/helper/avatar.png", "png");

    assertThat(store.listAgentNames()).containsExactly("helper", "other");
  }
}
