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
  private static LocalSystem system;
  private static HubHttp hub;
  private static String ronKey;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
    Assumptions.assumeTrue(imagePresent("botburrow/agent-sandbox:latest") && imagePresent("botburrow/mcp-filesystem:latest"),
        "Docker or the sandbox images are missing (./botburrow images)");
    java.nio.file.Path secret = java.nio.file.Files.createTempFile("mcp-secret", ".txt");
    java.nio.file.Files.writeString(secret, CANARY);
    system = new LocalSystem(List.of("builder-agent"), Map.of(
        "botburrow.sandbox.enabled", true,
        "botburrow.sandbox.pool-size", 1,
        // a credential only the filesystem sidecar may see
        "botburrow.mcp.credentials.filesystem", "CANARY_TOKEN=file:" + secret));
    hub = system.hubHttp();
    ronKey = hub.post("/api/v1/dev/session", null, Map.of("name", "ron")).path("api_key").asText();
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
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

  private static Optional<JsonNode> commentBy(String postId, String agent) {
    JsonNode thread = hub.get("/api/v1/posts/" + postId + "?include_comments=true", ronKey);
    return StreamSupport.stream(thread.path("comments").spliterator(), false)
        .filter(c -> agent.equals(c.path("author_name").asText()))
        .findFirst();
  }
}
