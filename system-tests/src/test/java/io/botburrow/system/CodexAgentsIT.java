package io.botburrow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.botburrow.devkit.llm.DemoResponder;
import io.botburrow.devkit.llm.RecordedRequest;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code type: codex} agents, uploaded with {@code ./botburrow agents upload}, answer mentions: the
 * Codex CLI runs in its network-less sandbox and speaks the Responses API to the runner's gateway
 * through the mounted socket; the gateway serves it from the scripted model.
 */
class CodexAgentsIT {
  private static final String IMAGE = "botburrow/codex:latest";
  private static final List<String> AGENTS = List.of("codex-coder", "codex-demo", "codex-broken");
  private static LocalSystem system;
  private static HubHttp hub;
  private static String ronKey;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
    Assumptions.assumeTrue(SandboxedAgentIT.imagePresent("botburrow/agent-sandbox:latest"),
        "Docker or the sandbox images are missing");
    Assumptions.assumeTrue(SandboxedAgentIT.imagePresent(IMAGE) || SandboxedAgentIT.buildTestImage("codex")
        && SandboxedAgentIT.imagePresent(IMAGE), IMAGE + " cannot be built (sandbox-images/build.sh codex)");
    system = new LocalSystem(AGENTS, Map.of("botburrow.sandbox.enabled", true, "botburrow.sandbox.pool-size", 0));
    upload();
    hub = system.hubHttp();
    ronKey = hub.post("/api/v1/dev/session", null, Map.of("name", "ron")).path("api_key").asText();
  }

  /** Three codex definitions through the CLI (validation first): one with a shell, two without. */
  private static void upload() throws IOException {
    Path root = Files.createTempDirectory("codex-agents");
    definition(root, "codex-coder", "  shell:\n    enabled: true\n");
    definition(root, "codex-demo", "");
    definition(root, "codex-broken", "");
    int code = new CommandLine(new io.botburrow.cli.Main()).execute("agents", "upload", "--endpoint",
        system.s3.endpoint().toString(), "--bucket", "botburrow-agents", "--access-key", system.s3.accessKey(),
        "--secret-key", system.s3.secretKey(), root.toString());
    assertThat(code).as("./botburrow agents upload").isZero();
  }

  private static void definition(Path root, String name, String capabilities) throws IOException {
    Path dir = Files.createDirectories(root.resolve("agents").resolve(name));
    Files.writeString(dir.resolve("config.yaml"), """
        version: "1.0.0"
        name: %s
        display_name: %s
        description: Answers mentions with the Codex CLI
        type: codex
        brain:
          provider: openai
          model: scripted-model
          max_tokens: 1000
        capabilities:
          grants: [hub:read, hub:write]
        %s
        behavior:
          respond_to_mentions: true
          max_iterations: 5
        """.formatted(name, name, capabilities));
    Files.writeString(dir.resolve("system-prompt.md"), "You are " + name + ", a terse coding agent.\n");
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
  }

  @Test
  void aCodexAgentRunsACommandInItsSandboxAndAnswersTheMentionOnce() {
    system.llm.enqueueFor("You are codex-coder",
        ScriptedTurn.toolCall("exec_command", "{\"cmd\":\"git --version\"}").withUsage(300, 20),
        ScriptedTurn.text("codex-coder here: the sandbox has git.").withUsage(400, 30));

    String postId = hub.post("/api/v1/posts", ronKey, Map.of("content", "@codex-coder which git do you have?"))
        .path("id").asText();

    JsonNode reply = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
        .until(() -> commentBy(postId, "codex-coder"), Optional::isPresent).orElseThrow();
    System.out.println("REPLY codex-coder: " + reply.path("content").asText());
    assertThat(reply.path("content").asText()).isEqualTo("codex-coder here: the sandbox has git.");
    // Codex ran git in the sandbox and its output went back to the model through the gateway
    assertThat(system.llm.requestsContaining("git version 2.")).isNotEmpty();

    // Codex's requests reached the model only through the gateway, which sent the runner's key and
    // no activation token; Codex itself held nothing but that token
    List<RecordedRequest> codex = system.llm.requests().stream().filter(r -> r.contains("You are codex-coder")).toList();
    assertThat(codex).hasSize(2);
    assertThat(codex).allSatisfy(r -> {
      assertThat(r.path()).isEqualTo("/v1/chat/completions");
      assertThat(r.header("authorization")).isEqualTo("Bearer " + LocalSystem.LLM_KEY);
      assertThat(r.header("originator")).as("a header only Codex sends").isNull();
    });
    assertThat(system.llm.requests()).noneSatisfy(r -> assertThat(r.raw() + r.headers()).contains("bbg1."));
    // the gateway accepted the activation's token and metered it; tool_type is the executor
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(metric("botburrow_activations_total", "agent=\"codex-coder\"", "tool_type=\"codex\"",
          "status=\"success\"")).isGreaterThanOrEqualTo(1);
      assertThat(metric("botburrow_tokens_total", "agent=\"codex-coder\"", "tool_type=\"codex\"", "direction=\"input\""))
          .isEqualTo(700);
      // the gateway counts calls by the agent its token names: both calls came with codex-coder's token
      assertThat(metric("botburrow_llm_requests_total", "agent=\"codex-coder\"", "status=\"ok\"")).isEqualTo(2);
    });
    assertThat(commentsBy(postId, "codex-coder")).isEqualTo(1);
    await().atMost(Duration.ofSeconds(30)).until(() -> managedContainers().isEmpty());
  }

  @Test
  void theOfflineDemoModelAnswersACodexAgentThroughTheResponsesFront() {
    // what ./botburrow dev runs without a key: queued turns first, then the demo model for the rest
    system.llm.defaultResponder(new DemoResponder());

    String postId = hub.post("/api/v1/posts", ronKey, Map.of("content", "@codex-demo what can you do?")).path("id").asText();

    JsonNode reply = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .until(() -> commentBy(postId, "codex-demo"), Optional::isPresent).orElseThrow();
    System.out.println("REPLY codex-demo (demo model): " + reply.path("content").asText());
    assertThat(reply.path("content").asText()).contains("what can you do?").contains(DemoResponder.DISCLAIMER);
  }

  @Test
  void aModelErrorEndsTheCodexRunWithOneExplanatoryReply() {
    system.llm.enqueueFor("You are codex-broken", ScriptedTurn.error(400, "This model does not accept the request."));

    String postId = hub.post("/api/v1/posts", ronKey, Map.of("content", "@codex-broken fix it")).path("id").asText();

    JsonNode reply = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .until(() -> commentBy(postId, "codex-broken"), Optional::isPresent).orElseThrow();
    System.out.println("REPLY codex-broken: " + reply.path("content").asText());
    assertThat(reply.path("content").asText()).startsWith("Sorry, I could not answer this:");
    await().atMost(Duration.ofSeconds(30)).until(() -> managedContainers().isEmpty());
    assertThat(commentsBy(postId, "codex-broken")).isEqualTo(1);
  }

  private static List<String> managedContainers() {
    return Probes.containers("io.botburrow.role=sandbox");
  }

  private static double metric(String name, String... labels) {
    return Probes.metric(system.runnerHttp(), name, labels);
  }

  private static Optional<JsonNode> commentBy(String postId, String agent) {
    return Probes.commentBy(hub, ronKey, postId, agent);
  }

  private static long commentsBy(String postId, String agent) {
    return Probes.commentsBy(hub, ronKey, postId, agent);
  }
}
