package io.botburrow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.botburrow.agents.s3.BucketUploader;
import io.botburrow.agents.s3.S3ClientFactory;
import io.botburrow.agents.s3.S3Properties;
import io.botburrow.devkit.llm.HeldTurn;
import io.botburrow.devkit.llm.RecordedRequest;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The six real-world definitions ({@code shared/testdata/agent-definitions}: five {@code claude-code},
 * one {@code native}), uploaded with {@code ./botburrow agents upload}, each answer a mention: Claude
 * Code runs in its network-less sandbox and reaches the scripted model only through the runner's
 * gateway socket.
 */
class ClaudeCodeAgentsIT {
  private static final String IMAGE = "botburrow/claude-code:latest";
  private static final List<String> CORPUS = List.of("claude-coder-1", "devops-agent", "pirate-captain-agent", "research-agent",
      "sprint-coder", "test-persona-agent");
  private static LocalSystem system;
  private static HubHttp hub;
  private static String ronKey;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
    Optional<Path> corpus = findUp(Path.of("shared", "testdata", "agent-definitions"));
    Assumptions.assumeTrue(corpus.isPresent(), "shared/testdata/agent-definitions not found (CI has it beside the repository)");
    Assumptions.assumeTrue(SandboxedAgentIT.imagePresent("botburrow/agent-sandbox:latest")
        && SandboxedAgentIT.imagePresent("botburrow/mcp-filesystem:latest"), "Docker or the sandbox images are missing");
    Assumptions.assumeTrue(SandboxedAgentIT.imagePresent(IMAGE) || SandboxedAgentIT.buildTestImage("claude-code")
        && SandboxedAgentIT.imagePresent(IMAGE), IMAGE + " cannot be built (sandbox-images/build.sh claude-code)");
    List<String> agents = new java.util.ArrayList<>(CORPUS);
    agents.add("runaway-agent");
    agents.add("memory-agent");
    agents.add("broke-agent");
    agents.add("ghost-agent");
    system = new LocalSystem(agents, Map.of(
        "botburrow.sandbox.enabled", true,
        "botburrow.sandbox.pool-size", 0,
        "botburrow.memory.teams.dev-team", "memory-agent",
        "botburrow.gateway.agents.broke-agent.daily-usd", "0.000001"));
    upload(corpus.get());
    pushTeamMemory();
    hub = system.hubHttp();
    ronKey = hub.post("/api/v1/dev/session", null, Map.of("name", "ron")).path("api_key").asText();
  }

  /** The corpus through the CLI (validation first), and a runaway variant with an 8 s limit beside it. */
  private static void upload(Path corpus) throws IOException {
    S3Properties s3 = S3Properties.of(system.s3.endpoint(), "botburrow-agents", system.s3.accessKey(), system.s3.secretKey());
    int code = new CommandLine(new io.botburrow.cli.Main()).execute("agents", "upload", "--endpoint", s3.endpoint().toString(),
        "--bucket", s3.bucket(), "--access-key", system.s3.accessKey(), "--secret-key", system.s3.secretKey(), corpus.toString());
    assertThat(code).as("./botburrow agents upload of the corpus").isZero();
    Path runaway = Files.createTempDirectory("runaway").resolve("agents/runaway-agent");
    Files.createDirectories(runaway);
    Files.writeString(runaway.resolve("config.yaml"), Files.readString(corpus.resolve("agents/test-persona-agent/config.yaml"))
        .replace("name: test-persona-agent", "name: runaway-agent") + "\nsandbox:\n  timeout_seconds: 8\n");
    Files.writeString(runaway.resolve("system-prompt.md"), "You are runaway-agent.");
    // claude-coder-1 (memory enabled, file tools) under another name, for the memory test
    Path memory = runaway.getParent().resolve("memory-agent");
    Files.createDirectories(memory);
    Files.writeString(memory.resolve("config.yaml"), Files.readString(corpus.resolve("agents/claude-coder-1/config.yaml"))
        .replace("name: claude-coder-1", "name: memory-agent"));
    Files.writeString(memory.resolve("system-prompt.md"), "You are memory-agent.");
    Path broke = runaway.getParent().resolve("broke-agent");
    Files.createDirectories(broke);
    Files.writeString(broke.resolve("config.yaml"), Files.readString(corpus.resolve("agents/claude-coder-1/config.yaml"))
        .replace("name: claude-coder-1", "name: broke-agent"));
    Files.writeString(broke.resolve("system-prompt.md"), "You are broke-agent.");
    // an MCP server neither in the catalog nor allowed by the operator (upload validation would refuse it)
    Path ghost = runaway.getParent().resolve("ghost-agent");
    Files.createDirectories(ghost);
    Files.writeString(ghost.resolve("config.yaml"), Files.readString(corpus.resolve("agents/pirate-captain-agent/config.yaml"))
        .replace("name: pirate-captain-agent", "name: ghost-agent")
        .replace("    - hub:write\n", "    - hub:write\n    - ghost:read\n")
        .replace("  mcp_servers:\n    - hub\n", "  mcp_servers:\n    - hub\n    - ghost\n"));
    Files.writeString(ghost.resolve("system-prompt.md"), "You are ghost-agent.");
    try (S3Client client = S3ClientFactory.createClient(s3)) {
      new BucketUploader(client, s3.bucket()).upload(runaway.getParent().getParent());
    }
  }

  /** What an operator does: ./botburrow memory push dev-team DIR. */
  private static void pushTeamMemory() throws IOException {
    Path team = Files.createTempDirectory("team");
    Files.writeString(team.resolve("facts.md"), "Deploys happen on Tuesdays.");
    int code = new CommandLine(new io.botburrow.cli.Main()).execute("memory", "push", "--endpoint",
        system.s3.endpoint().toString(), "--bucket", "botburrow-agents", "--access-key", system.s3.accessKey(),
        "--secret-key", system.s3.secretKey(), "dev-team", team.toString());
    assertThat(code).as("./botburrow memory push").isZero();
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
  }

  @Test
  void everyCorpusAgentAnswersAMentionOnceThroughItsExecutor() {
    // each mention carries a marker of its own: agent names also appear in other agents' skills
    system.llm.enqueueFor(marker("claude-coder-1"),
        ScriptedTurn.toolCall("Bash", "{\"command\":\"git --version\",\"description\":\"git version\"}").withUsage(300, 20),
        ScriptedTurn.text("claude-coder-1 here: the sandbox has git.").withUsage(400, 30));
    // research-agent (hub:read, mcp_servers: none listed) searches the Hub through the runner's MCP gateway
    system.llm.enqueueFor(marker("research-agent"),
        ScriptedTurn.toolCall("mcp__hub__hub_search", "{\"query\":\"are you there\"}").withUsage(300, 20),
        ScriptedTurn.text("research-agent here: ahoy, I read you.").withUsage(400, 30));
    for (String agent : List.of("devops-agent", "pirate-captain-agent", "test-persona-agent")) {
      system.llm.enqueueFor(marker(agent), ScriptedTurn.text(agent + " here: ahoy, I read you.").withUsage(200, 10));
    }
    system.llm.enqueueFor(marker("sprint-coder"), ScriptedTurn.text("sprint-coder here: quick fix ready.").withUsage(100, 10));

    Map<String, String> posts = new java.util.LinkedHashMap<>();
    CORPUS.forEach(agent -> posts.put(agent, hub.post("/api/v1/posts", ronKey,
        Map.of("content", "@" + agent + " are you there? " + marker(agent))).path("id").asText()));

    posts.forEach((agent, postId) -> {
      JsonNode reply = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
          .until(() -> commentBy(postId, agent), Optional::isPresent).orElseThrow();
      System.out.println("REPLY " + agent + ": " + reply.path("content").asText());
      assertThat(reply.path("content").asText()).as(agent).startsWith(agent + " here:");
    });
    assertThat(commentBy(posts.get("claude-coder-1"), "claude-coder-1").orElseThrow().path("content").asText())
        .contains("the sandbox has git");
    // the Bash tool ran git in the sandbox and its output went back to the model through the gateway
    assertThat(system.llm.requestsContaining("git version 2.")).isNotEmpty();
    // the Hub search went through the MCP gateway and its result (the other agents' mentions) back to the model
    assertThat(system.llm.requestsContaining(marker("research-agent"))).anySatisfy(r -> assertThat(r.raw())
        .contains("mcp__hub__hub_search").contains(marker("devops-agent")));

    // the CLI's calls reached the model only through the gateway: with the runner's key, never a token
    List<RecordedRequest> cli = system.llm.requests().stream().filter(r -> r.contains("Claude Code")).toList();
    assertThat(cli).hasSizeGreaterThanOrEqualTo(5);
    assertThat(cli).allSatisfy(r -> assertThat(r.header("authorization")).isEqualTo("Bearer " + LocalSystem.LLM_KEY));
    assertThat(system.llm.requests()).noneSatisfy(r -> assertThat(r.raw() + r.headers()).contains("bbg1."));
    // the gateway accepted each activation's token and metered it for that agent; tool_type is the executor
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      for (String agent : CORPUS) {
        String toolType = agent.equals("sprint-coder") ? "native" : "claude-code";
        assertThat(metric("botburrow_activations_total", "agent=\"" + agent + "\"", "tool_type=\"" + toolType + "\"",
            "status=\"success\"")).as(agent).isGreaterThanOrEqualTo(1);
        assertThat(metric("botburrow_tokens_total", "agent=\"" + agent + "\"", "tool_type=\"" + toolType + "\"",
            "direction=\"input\"")).as(agent).isGreaterThanOrEqualTo(100);
        assertThat(metric("botburrow_llm_requests_total", "agent=\"" + agent + "\"", "status=\"ok\"")).as(agent)
            .isGreaterThanOrEqualTo(1);
      }
      assertThat(metric("botburrow_tokens_total", "agent=\"claude-coder-1\"", "direction=\"input\"")).isEqualTo(700);
    });
    assertThat(posts).allSatisfy((agent, postId) -> assertThat(commentsBy(postId, agent)).isEqualTo(1));
    await().atMost(Duration.ofSeconds(30)).until(() -> managedContainers().isEmpty());
  }

  @Test
  void theOfflineDemoModelAnswersAClaudeCodeAgent() {
    // what ./botburrow dev runs without a key: queued turns first, then the demo model for the rest
    system.llm.defaultResponder(new io.botburrow.devkit.llm.DemoResponder());

    String postId = hub.post("/api/v1/posts", ronKey, Map.of("content", "@pirate-captain-agent what can you do?")).path("id").asText();

    JsonNode reply = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .until(() -> commentBy(postId, "pirate-captain-agent"), Optional::isPresent).orElseThrow();
    System.out.println("REPLY pirate-captain-agent (demo model): " + reply.path("content").asText());
    assertThat(reply.path("content").asText()).contains("what can you do?")
        .contains(io.botburrow.devkit.llm.DemoResponder.DISCLAIMER);
  }

  @Test
  void aRunawayCliIsKilledAtTheDeadlineWithItsSandboxAndThePersonIsTold() {
    system.llm.enqueueFor("runaway-agent", ScriptedTurn.text("too late").hold());

    String postId = hub.post("/api/v1/posts", ronKey, Map.of("content", "@runaway-agent take your time")).path("id").asText();
    HeldTurn held = system.llm.awaitHeld(Duration.ofSeconds(60));
    try {
      assertThat(managedContainers()).isNotEmpty();
      JsonNode reply = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
          .until(() -> commentBy(postId, "runaway-agent"), Optional::isPresent).orElseThrow();
      System.out.println("REPLY runaway-agent: " + reply.path("content").asText());
      assertThat(reply.path("content").asText()).isEqualTo("Sorry, I could not answer this: I ran out of time (the limit is 8 s).");
      await().atMost(Duration.ofSeconds(15)).until(() -> managedContainers().isEmpty());
    } finally {
      held.release();
    }
    assertThat(commentsBy(postId, "runaway-agent")).isEqualTo(1);
  }

  @Test
  void anAgentsPrivateMemoryOutlivesItsActivationAndItsTeamKnowledgeIsReadOnly() throws IOException {
    system.llm.enqueueFor("(memory one)",
        ScriptedTurn.toolCall("Write", "{\"file_path\":\"/memory/private/notes.md\",\"content\":\"ron prefers tea\"}"),
        ScriptedTurn.text("memory-agent here: noted."));
    String first = hub.post("/api/v1/posts", ronKey, Map.of("content", "@memory-agent I prefer tea (memory one)")).path("id").asText();
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
        .until(() -> commentBy(first, "memory-agent"), Optional::isPresent);

    system.llm.enqueueFor("(memory two)",
        ScriptedTurn.toolCall("Read", "{\"file_path\":\"/memory/private/notes.md\"}"),
        ScriptedTurn.toolCall("Read", "{\"file_path\":\"/memory/team/dev-team/facts.md\"}"),
        ScriptedTurn.toolCall("Write", "{\"file_path\":\"/memory/team/dev-team/facts.md\",\"content\":\"changed\"}"),
        // claude-coder-1's shell blocks "format": allowed as git, refused by the deny rule
        ScriptedTurn.toolCall("Bash", "{\"command\":\"git format-patch --version\",\"description\":\"blocked\"}"),
        ScriptedTurn.text("memory-agent here: you prefer tea."));
    String second = hub.post("/api/v1/posts", ronKey, Map.of("content", "@memory-agent what do I drink? (memory two)")).path("id").asText();
    JsonNode reply = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
        .until(() -> commentBy(second, "memory-agent"), Optional::isPresent).orElseThrow();
    assertThat(reply.path("content").asText()).isEqualTo("memory-agent here: you prefer tea.");

    // the second activation, in a new sandbox, read what the first one wrote, and the team's knowledge
    List<RecordedRequest> secondRun = system.llm.requestsContaining("(memory two)");
    assertThat(secondRun).anySatisfy(r -> assertThat(r.raw()).contains("ron prefers tea").doesNotContain("(memory one)"));
    assertThat(secondRun).anySatisfy(r -> assertThat(r.raw()).contains("Deploys happen on Tuesdays."));
    // the blocked pattern reached Claude Code as a deny rule: the command never ran
    assertThat(secondRun).anySatisfy(r -> assertThat(r.raw())
        .contains("Permission to use Bash with command git format-patch --version has been denied"));
    assertThat(secondRun).anySatisfy(r -> assertThat(r.raw()).contains("/memory/private").contains("/memory/team/dev-team"));
    // the team's knowledge cannot be changed from inside: the bucket still holds the operator's file
    S3Properties s3 = S3Properties.of(system.s3.endpoint(), "botburrow-agents", system.s3.accessKey(), system.s3.secretKey());
    try (S3Client client = S3ClientFactory.createClient(s3)) {
      assertThat(client.getObjectAsBytes(b -> b.bucket("botburrow-agents").key("memory/teams/dev-team/facts.md")).asUtf8String())
          .isEqualTo("Deploys happen on Tuesdays.");
      assertThat(client.getObjectAsBytes(b -> b.bucket("botburrow-agents").key("memory/agents/memory-agent/notes.md")).asUtf8String())
          .isEqualTo("ron prefers tea");
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> managedContainers().isEmpty());
  }

  @Test
  void aClaudeCodeAgentWhoseBudgetIsSpentMidRunSaysSoOnceAndNoFurtherCallReachesTheModel() {
    // the first call is allowed (the budget is not spent yet) and spends it; the CLI's next one is refused
    system.llm.enqueueFor("(broke)", ScriptedTurn.toolCall("Read", "{\"file_path\":\"/workspace/treasure.txt\"}").withUsage(2000, 100));
    String postId = hub.post("/api/v1/posts", ronKey, Map.of("content", "@broke-agent got a minute? (broke)")).path("id").asText();

    JsonNode reply = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .until(() -> commentBy(postId, "broke-agent"), Optional::isPresent).orElseThrow();
    System.out.println("REPLY broke-agent: " + reply.path("content").asText());
    assertThat(reply.path("content").asText()).startsWith("Sorry, I could not answer this: today's budget is spent")
        .endsWith("Please ask again later.");
    assertThat(system.llm.requestsContaining("(broke)")).hasSize(1);
    assertThat(commentsBy(postId, "broke-agent")).isEqualTo(1);
    await().atMost(Duration.ofSeconds(30)).until(() -> managedContainers().isEmpty());
  }

  @Test
  void aClaudeCodeAgentNamingAnMcpServerNoOperatorAllowedIsToldWhyOnce() {
    String postId = hub.post("/api/v1/posts", ronKey, Map.of("content", "@ghost-agent boo? (ghost)")).path("id").asText();

    JsonNode reply = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .until(() -> commentBy(postId, "ghost-agent"), Optional::isPresent).orElseThrow();
    assertThat(reply.path("content").asText())
        .isEqualTo("Sorry, I could not answer this: my model or tool configuration is not allowed on this runtime. "
            + "An operator needs to fix my definition.");
    assertThat(system.llm.requestsContaining("(ghost)")).isEmpty();
    assertThat(commentsBy(postId, "ghost-agent")).isEqualTo(1);
    await().atMost(Duration.ofSeconds(30)).until(() -> managedContainers().isEmpty());
  }

  private static String marker(String agent) {
    return "(question " + agent.hashCode() + ")";
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

  private static Optional<Path> findUp(Path relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(relative))) {
        return Optional.of(dir.resolve(relative));
      }
    }
    return Optional.empty();
  }
}
