package io.botburrow.runner.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.agents.AgentConfig;
import io.botburrow.agents.AgentConfigParser;
import io.botburrow.agents.s3.S3ClientFactory;
import io.botburrow.agents.s3.S3Properties;
import io.botburrow.devkit.s3.EmbeddedS3;
import io.botburrow.memory.MemoryStore;
import io.botburrow.runner.sandbox.Sandbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** Private memory and team knowledge through a real S3 API (embedded s3proxy). */
class MemoryMountsIT {
  private static EmbeddedS3 s3;
  private static S3Client client;
  private static MemoryStore store;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @TempDir
  Path tmp;

  @BeforeAll
  static void start() {
    s3 = EmbeddedS3.startInMemory("memory-key", "memory-secret");
    client = S3ClientFactory.createClient(S3Properties.of(s3.endpoint(), "memory-test", s3.accessKey(), s3.secretKey()));
    store = new MemoryStore(client, "memory-test");
  }

  @AfterAll
  static void stop() {
    client.close();
    s3.close();
  }

  @Test
  void whatOneActivationWritesTheNextOneFinds() throws IOException {
    var mounts = new MemoryMounts(store, Map.of(), registry);
    AgentConfig config = agent("keeper", true, 1);

    Sandbox.Attachments first = attachments("one");
    var loaded = mounts.load(config, first);
    assertThat(first.privateMemory()).isEmptyDirectory();
    Files.createDirectories(first.privateMemory().resolve("notes"));
    Files.writeString(first.privateMemory().resolve("notes/people.md"), "ron prefers tea");
    Files.writeString(first.privateMemory().resolve("scratch.txt"), "temporary");
    loaded.save(first);

    Sandbox.Attachments second = attachments("two");
    var again = mounts.load(config, second);
    assertThat(second.privateMemory().resolve("notes/people.md")).hasContent("ron prefers tea");
    Files.delete(second.privateMemory().resolve("scratch.txt"));
    again.save(second);

    assertThat(store.list(MemoryStore.agentPrefix("keeper"))).extracting(o -> o.key())
        .containsExactly("memory/agents/keeper/notes/people.md");
  }

  @Test
  void sameNamedAgentsOfTwoTenantsKeepMemoriesAndTeamKnowledgeOfTheirOwn() throws IOException {
    var root = new MemoryMounts(store, Map.of("eng", List.of("twin")), registry);
    var beta = root.under("beta/");
    AgentConfig config = agent("twin", true, 1);
    Path knowledge = Files.createDirectories(tmp.resolve("beta-knowledge"));
    Files.writeString(knowledge.resolve("runbook.md"), "beta's runbook");
    store.pushTeam("beta/", "eng", knowledge, 1_000_000);

    Sandbox.Attachments inBeta = attachments("beta-one");
    var loaded = beta.load(config, inBeta);
    assertThat(inBeta.teamMemory().resolve("eng/runbook.md")).hasContent("beta's runbook");
    Files.writeString(inBeta.privateMemory().resolve("secret.md"), "beta only");
    loaded.save(inBeta);

    Sandbox.Attachments inDefault = attachments("default-one");
    root.load(config, inDefault);
    assertThat(inDefault.privateMemory()).isEmptyDirectory();
    assertThat(inDefault.teamMemory().resolve("eng/runbook.md")).doesNotExist();
    assertThat(store.list("beta/" + MemoryStore.agentPrefix("twin"))).extracting(o -> o.key())
        .containsExactly("beta/memory/agents/twin/secret.md");
    assertThat(store.list(MemoryStore.agentPrefix("twin"))).isEmpty();
  }

  @Test
  void aMemoryOverItsLimitIsNotWrittenAndThePreviousOneStays() throws IOException {
    var mounts = new MemoryMounts(store, Map.of(), registry);
    AgentConfig config = agent("hoarder", true, 1);
    Sandbox.Attachments first = attachments("small");
    var loaded = mounts.load(config, first);
    Files.writeString(first.privateMemory().resolve("small.md"), "kept");
    loaded.save(first);

    Sandbox.Attachments second = attachments("big");
    var big = mounts.load(config, second);
    Files.write(second.privateMemory().resolve("huge.bin"), new byte[2 * 1024 * 1024]);
    big.save(second);

    assertThat(store.list(MemoryStore.agentPrefix("hoarder"))).extracting(o -> o.key())
        .containsExactly("memory/agents/hoarder/small.md");
    assertThat(registry.get("botburrow_memory_not_saved_total").tag("agent", "hoarder").tag("reason", "too_large")
        .counter().count()).isEqualTo(1.0);
  }

  @Test
  void aLinkLeftInMemoryNeverMakesTheRunnerReadWhatItPointsAt() throws IOException {
    Path secret = tmp.resolve("host-secret.txt");
    Files.writeString(secret, "host-only canary 7f3a");
    var mounts = new MemoryMounts(store, Map.of(), registry);
    AgentConfig config = agent("linker", true, 1);
    Sandbox.Attachments attached = attachments("links");
    var loaded = mounts.load(config, attached);
    Files.createSymbolicLink(attached.privateMemory().resolve("stolen.txt"), secret);
    Files.createSymbolicLink(attached.privateMemory().resolve("etc"), tmp);
    Files.writeString(attached.privateMemory().resolve("real.md"), "mine");
    loaded.save(attached);

    assertThat(store.list(MemoryStore.agentPrefix("linker"))).extracting(o -> o.key())
        .containsExactly("memory/agents/linker/real.md");
  }

  @Test
  void teamKnowledgeReachesOnlyTheTeamsAgentsAndPrivateMemoryOnlyWhenEnabled() throws IOException {
    Path knowledge = tmp.resolve("knowledge");
    Files.createDirectories(knowledge.resolve("runbooks"));
    Files.writeString(knowledge.resolve("runbooks/deploy.md"), "Deploys happen on Tuesdays.");
    Files.writeString(knowledge.resolve(".hidden"), "left out");
    var pushed = store.pushTeam("ops", knowledge, 1024 * 1024);
    assertThat(pushed.written()).isEqualTo(1);

    var mounts = new MemoryMounts(store, Map.of("ops", List.of("member")), registry);
    Sandbox.Attachments member = attachments("member");
    var loaded = mounts.load(agent("member", false, 1), member);
    assertThat(member.teamMemory().resolve("ops/runbooks/deploy.md")).hasContent("Deploys happen on Tuesdays.");
    assertThat(member.teamMemory().resolve("ops/.hidden")).doesNotExist();
    assertThat(loaded.directories()).containsExactly("/memory/team/ops");
    assertThat(loaded.prompt()).contains("/memory/team/ops").doesNotContain("/memory/private");

    Sandbox.Attachments outsider = attachments("outsider");
    var none = mounts.load(agent("outsider", false, 1), outsider);
    assertThat(outsider.teamMemory()).isEmptyDirectory();
    assertThat(none.any()).isFalse();

    // a second push replaces the team's knowledge
    Files.delete(knowledge.resolve("runbooks/deploy.md"));
    Files.writeString(knowledge.resolve("oncall.md"), "Ana is on call.");
    store.pushTeam("ops", knowledge, 1024 * 1024);
    assertThat(store.list(MemoryStore.teamPrefix("ops"))).extracting(o -> o.key())
        .containsExactly("memory/teams/ops/oncall.md");
  }

  private Sandbox.Attachments attachments(String name) throws IOException {
    Path root = tmp.resolve(name);
    var attachments = new Sandbox.Attachments(root.resolve("run"), root.resolve("private"), root.resolve("team"));
    Files.createDirectories(attachments.run());
    Files.createDirectories(attachments.privateMemory());
    Files.createDirectories(attachments.teamMemory());
    return attachments;
  }

  private static AgentConfig agent(String name, boolean memory, int maxSizeMb) {
    return new AgentConfigParser().parse("config.yaml", """
        name: %s
        type: claude-code
        brain: {provider: anthropic, model: claude-sonnet-4-20250514}
        capabilities: {grants: [hub:read]}
        memory:
          enabled: %s
          max_size_mb: %d
        """.formatted(name, memory, maxSizeMb)).config();
  }
}
