package io.botburrow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.botburrow.devkit.llm.RecordedRequest;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Claude Code agent in its network-less sandbox uses Hub tools and an MCP sidecar's tool through the
 * runner's MCP gateway (the socket beside the LLM gateway's): the scripted model asks for the tools,
 * their results come back in its next request, the answer is posted once, and the credential the
 * sidecar holds reaches neither the model, nor a log line, nor the thread. It may delegate, too.
 */
class CliMcpToolsIT {
  private static final String AGENT = "mcp-cli-agent";
  private static final String IMAGE = "botburrow/claude-code:latest";
  private static final String ENV_ECHO = "botburrow/mcp-env-echo:latest";
  private static final String CANARY = "canary-" + UUID.randomUUID();
  private static LocalSystem system;
  private static HubHttp hub;
  private static String ronKey;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
    Assumptions.assumeTrue(SandboxedAgentIT.imagePresent("botburrow/agent-sandbox:latest"), "Docker or the sandbox images are missing");
    Assumptions.assumeTrue(SandboxedAgentIT.imagePresent(ENV_ECHO) || SandboxedAgentIT.buildTestImage("mcp-env-echo")
        && SandboxedAgentIT.imagePresent(ENV_ECHO), ENV_ECHO + " cannot be built (sandbox-images/build.sh mcp-env-echo)");
    Assumptions.assumeTrue(forwardsMcp() || rebuildClaudeCode(), IMAGE + " cannot be built (sandbox-images/build.sh claude-code)");
    Path secret = Files.createTempFile("mcp-secret", ".txt");
    Files.writeString(secret, CANARY);
    system = new LocalSystem(List.of(AGENT, "worker"), Map.of(
        "botburrow.sandbox.enabled", true,
        "botburrow.sandbox.pool-size", 0,
        // it may hand work to others: the delegate tool comes through the gateway too
        "botburrow.delegation.allow.mcp-cli-agent", List.of("*"),
        // an operator's server that reveals its credential in its output, stderr and stray stdout
        "botburrow.mcp.servers.env-echo.image", ENV_ECHO,
        "botburrow.mcp.credentials.env-echo", "CANARY_TOKEN=file:" + secret));
    hub = system.hubHttp();
    ronKey = hub.post("/api/v1/dev/session", null, Map.of("name", "ron")).path("api_key").asText();
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
  }

  @Test
  void hubAndSidecarToolsRoundTripThroughTheMcpGatewayAndTheSidecarsCredentialStaysHidden() {
    String needle = "needle-" + UUID.randomUUID().toString().substring(0, 8);
    hub.post("/api/v1/posts", ronKey, Map.of("content", "Where is the " + needle + "? In the haystack of post one."));
    String marker = "(question " + UUID.randomUUID() + ")";
    system.llm.enqueueFor(marker,
        ScriptedTurn.toolCalls(ScriptedTurn.call("mcp__hub__hub_search", "{\"query\":\"" + needle + "\"}"),
            ScriptedTurn.call("mcp__env-echo__get_env", "{}")).withUsage(300, 20),
        ScriptedTurn.text(AGENT + " here: the needle is in the haystack.").withUsage(400, 20));

    String postId;
    String logs;
    try (CapturedLogs captured = CapturedLogs.ofRunner()) {
      postId = hub.post("/api/v1/posts", ronKey, Map.of("content", "@" + AGENT + " where is the needle? " + marker)).path("id").asText();
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> commentBy(postId).isPresent());
      logs = captured.text();
    }
    String reply = commentBy(postId).orElseThrow().path("content").asText();
    System.out.println("REPLY " + AGENT + ": " + reply);
    assertThat(reply).isEqualTo(AGENT + " here: the needle is in the haystack.");

    List<RecordedRequest> requests = system.llm.requestsContaining(marker);
    assertThat(requests).hasSizeGreaterThanOrEqualTo(2);
    // the gateway listed exactly the granted tools, under the names Claude Code gives them
    assertThat(requests.getFirst().raw()).contains("mcp__hub__hub_search", "mcp__hub__hub_post", "mcp__hub__delegate",
            "mcp__env-echo__get_env")
        .doesNotContain("mcp__memory__");
    // both results came back in the next request: the Hub's search hit, and the sidecar's output redacted
    String last = requests.getLast().raw();
    assertThat(last).contains("Where is the " + needle).contains("CANARY_TOKEN=[REDACTED] base64=[REDACTED] hex=[REDACTED]");
    String base64 = Base64.getEncoder().encodeToString(CANARY.getBytes(StandardCharsets.UTF_8));
    String hex = HexFormat.of().formatHex(CANARY.getBytes(StandardCharsets.UTF_8));
    assertThat(system.llm.requests()).noneSatisfy(r -> assertThat(r.raw() + r.headers()).containsAnyOf(CANARY, base64, hex));
    assertThat(logs).doesNotContain(CANARY).doesNotContain(base64).doesNotContain(hex);
    // a server the grants do not name is not even started
    assertThat(logs).contains("MCP server env-echo ready").doesNotContain("MCP server memory ready");
    assertThat(reply).doesNotContain(CANARY);
    assertThat(commentsBy(postId)).isEqualTo(1);
    // the calls count like the native loop's
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(metric("botburrow_tool_calls_total", "agent=\"" + AGENT + "\"", "tool=\"hub_search\"", "status=\"ok\"",
          "tool_type=\"claude-code\"")).isEqualTo(1);
      assertThat(metric("botburrow_tool_calls_total", "agent=\"" + AGENT + "\"", "tool=\"env-echo__get_env\"", "status=\"ok\""))
          .isEqualTo(1);
    });
    await().atMost(Duration.ofSeconds(30)).until(() -> managedContainers().isEmpty());
  }

  @Test
  void aHubPostInTheMentionsThreadIsTheOneReply() {
    String postId = hub.post("/api/v1/posts", ronKey, Map.of("content", "A thread about sprint planning.")).path("id").asText();
    String marker = "(question " + UUID.randomUUID() + ")";
    system.llm.enqueueFor(marker,
        ScriptedTurn.toolCall("mcp__hub__hub_post", "{\"reply_to\":\"" + postId + "\",\"content\":\"" + AGENT
            + " posted this itself.\"}").withUsage(200, 20),
        ScriptedTurn.text(AGENT + " here: I replied in the thread.").withUsage(300, 20));

    hub.post("/api/v1/posts/" + postId + "/comments", ronKey, Map.of("content", "@" + AGENT + " please answer here " + marker));

    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> commentBy(postId).isPresent());
    // the run is over once the notification is read; only then could a second reply have appeared
    await().atMost(Duration.ofSeconds(30)).until(() -> managedContainers().isEmpty());
    assertThat(commentBy(postId).orElseThrow().path("content").asText()).isEqualTo(AGENT + " posted this itself.");
    assertThat(commentsBy(postId)).isEqualTo(1);
    assertThat(system.llm.requestsContaining(marker).getLast().raw()).contains("Replied in post " + postId);
  }

  @Test
  void aClaudeCodeAgentDelegatesThroughTheGatewayAndAnswersWithTheResult() {
    String work = "work-" + UUID.randomUUID();
    String marker = "(question " + UUID.randomUUID() + ")";
    system.llm.enqueueFor(marker,
        ScriptedTurn.toolCall("mcp__hub__delegate", "{\"agent\":\"worker\",\"task\":\"" + work + " count the open issues\"}")
            .withUsage(200, 20),
        ScriptedTurn.text(AGENT + " here: the worker counted 7 open issues.").withUsage(300, 20));
    system.llm.enqueueFor(work, ScriptedTurn.text("There are 7 open issues.").withUsage(50, 10));

    String postId = hub.post("/api/v1/posts", ronKey, Map.of("content", "@" + AGENT + " how many issues are open? " + marker))
        .path("id").asText();

    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> commentBy(postId).isPresent());
    assertThat(commentBy(postId).orElseThrow().path("content").asText()).isEqualTo(AGENT + " here: the worker counted 7 open issues.");
    assertThat(system.llm.requestsContaining(work).getFirst().raw()).contains("Task delegated to you by " + AGENT);
    assertThat(system.llm.requestsContaining(marker).getLast().raw()).contains("worker completed task t-")
        .contains("There are 7 open issues.");
    assertThat(commentsBy(postId)).isEqualTo(1);
  }

  /** Whether the image's forwarder serves the MCP gateway's socket (images built before it did not). */
  private static boolean forwardsMcp() {
    return SandboxedAgentIT.imagePresent(IMAGE)
        && run("docker", "run", "--rm", "--entrypoint", "grep", IMAGE, "-q", "BOTBURROW_MCP_SOCKET", "/opt/botburrow/with-gateway") == 0;
  }

  private static boolean rebuildClaudeCode() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("sandbox-images/build.sh"))) {
      dir = dir.getParent();
    }
    return dir != null && run("bash", dir.resolve("sandbox-images/build.sh").toString(), "claude-code") == 0 && forwardsMcp();
  }

  private static int run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor();
    } catch (java.io.IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static List<String> managedContainers() {
    return Probes.containers("io.botburrow.agent=" + AGENT);
  }

  private static double metric(String name, String... labels) {
    return Probes.metric(system.runnerHttp(), name, labels);
  }

  private static Optional<JsonNode> commentBy(String postId) {
    return Probes.commentBy(hub, ronKey, postId, AGENT);
  }

  private static long commentsBy(String postId) {
    return Probes.commentsBy(hub, ronKey, postId, AGENT);
  }
}
