package io.botburrow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.botburrow.devkit.llm.RecordedRequest;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A person asks an agent in the Hub to write a file and say what is in its workspace; the agent uses the
 * shell in its Docker sandbox and the filesystem MCP sidecar, and its reply lands in the thread.
 */
class SandboxedAgentIT {
  private static final String CANARY = "canary-" + java.util.UUID.randomUUID();
  private static final String ENV_ECHO = "botburrow/mcp-env-echo:latest";
  private static LocalSystem system;
  private static HubHttp hub;
  private static String ronKey;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
    Assumptions.assumeTrue(imagePresent("botburrow/agent-sandbox:latest") && imagePresent("botburrow/mcp-filesystem:latest"),
        "Docker or the sandbox images are missing (./botburrow images)");
    Assumptions.assumeTrue(imagePresent(ENV_ECHO) || buildTestImage("mcp-env-echo") && imagePresent(ENV_ECHO),
        "the test image " + ENV_ECHO + " cannot be built (sandbox-images/build.sh mcp-env-echo)");
    java.nio.file.Path secret = java.nio.file.Files.createTempFile("mcp-secret", ".txt");
    java.nio.file.Files.writeString(secret, CANARY);
    system = new LocalSystem(List.of("builder-agent", "canary-agent"), Map.of(
        "botburrow.sandbox.enabled", true,
        "botburrow.sandbox.pool-size", 1,
        // a credential only the filesystem sidecar may see
        "botburrow.mcp.credentials.filesystem", "CANARY_TOKEN=file:" + secret,
        // an operator's server that reveals the same credential in its output, stderr and stray stdout
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

  static boolean buildTestImage(String target) {
    try {
      java.nio.file.Path script = java.nio.file.Path.of("").toAbsolutePath();
      while (script != null && !java.nio.file.Files.isRegularFile(script.resolve("sandbox-images/build.sh"))) {
        script = script.getParent();
      }
      if (script == null) {
        return false;
      }
      Process p = new ProcessBuilder("bash", script.resolve("sandbox-images/build.sh").toString(), "--if-missing", target)
          .redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static boolean imagePresent(String image) {
    try {
      Process p = new ProcessBuilder("docker", "image", "inspect", image).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void theAgentWritesAFileInItsSandboxAndListsTheWorkspaceThroughTheFilesystemSidecar() {
    system.llm.enqueueFor("builder-agent",
        ScriptedTurn.toolCall("shell", "{\"command\":\"env; cat /proc/1/environ\"}").withUsage(40, 10),
        ScriptedTurn.toolCall("shell", "{\"command\":\"echo remember the milk > /workspace/notes.txt\"}").withUsage(50, 10),
        ScriptedTurn.toolCall("filesystem__list_directory", "{\"path\":\"/workspace\"}").withUsage(60, 10),
        ScriptedTurn.text("The workspace holds notes.txt.").withUsage(70, 10));

    String postId = hub.post("/api/v1/posts", ronKey,
        Map.of("content", "@builder-agent write notes.txt and tell me what is in the workspace")).path("id").asText();

    JsonNode reply = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
        .until(() -> commentBy(postId, "builder-agent"), Optional::isPresent).orElseThrow();
    assertThat(reply.path("content").asText()).contains("notes.txt");
    List<RecordedRequest> requests = system.llm.requestsContaining("write notes.txt");
    assertThat(requests).hasSizeGreaterThanOrEqualTo(4);
    String lastRequest = requests.get(requests.size() - 1).raw();
    assertThat(lastRequest).contains("[FILE] notes.txt");
    assertThat(lastRequest).contains("\"name\":\"shell\"").contains("filesystem__list_directory");
    // the model saw the sandbox's environment, and the sidecar's credential is in none of its requests
    assertThat(lastRequest).contains("PATH=");
    assertThat(system.llm.requests()).noneSatisfy(r -> assertThat(r.raw()).contains(CANARY));
    var filesystem = system.runner.getBean(io.botburrow.runner.mcp.McpServerCatalog.class)
        .resolve(io.botburrow.runner.mcp.McpServerRequest.named("filesystem"), io.botburrow.runner.sandbox.SandboxLimits.defaults());
    assertThat(filesystem.credentials()).extracting(io.botburrow.runner.mcp.McpCredential::sidecarEnv).contains("CANARY_TOKEN");
  }

  @Test
  void aCredentialAnMcpServerEchoesReachesNeitherTheModelNorALogLine() {
    String base64 = java.util.Base64.getEncoder().encodeToString(CANARY.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String hex = java.util.HexFormat.of().formatHex(CANARY.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    system.llm.enqueueFor("canary-agent",
        ScriptedTurn.toolCall("env-echo__get_env", "{}").withUsage(40, 10),
        ScriptedTurn.text("I looked at my tool's environment.").withUsage(50, 10));

    String postId;
    String logs;
    try (CapturedLogs captured = CapturedLogs.ofRunner()) {
      postId = hub.post("/api/v1/posts", ronKey, Map.of("content", "@canary-agent what does your tool know?")).path("id").asText();
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
          .until(() -> commentBy(postId, "canary-agent"), Optional::isPresent);
      logs = captured.text();
    }

    List<RecordedRequest> requests = system.llm.requestsContaining("what does your tool know");
    assertThat(requests).hasSizeGreaterThanOrEqualTo(2);
    // the tool did run and echo its credential, in three forms, each hidden before the model saw it
    assertThat(requests.get(requests.size() - 1).raw()).contains("CANARY_TOKEN=[REDACTED] base64=[REDACTED] hex=[REDACTED]");
    assertThat(system.llm.requests()).noneSatisfy(r -> assertThat(r.raw()).containsAnyOf(CANARY, base64, hex));
    // the sidecar's stderr (DEBUG) and its stray stdout line (WARN) were logged, redacted
    assertThat(logs).contains("McpServer(name=env-echo) stderr: env-echo starting with CANARY_TOKEN=[REDACTED]")
        .contains("McpServer(name=env-echo) sent a line that is not JSON-RPC")
        .doesNotContain(CANARY).doesNotContain(base64).doesNotContain(hex);
  }

  private static Optional<JsonNode> commentBy(String postId, String agent) {
    JsonNode thread = hub.get("/api/v1/posts/" + postId + "?include_comments=true", ronKey);
    return StreamSupport.stream(thread.path("comments").spliterator(), false)
        .filter(c -> agent.equals(c.path("author_name").asText()))
        .findFirst();
  }
}
