package io.botburrow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.botburrow.agents.s3.S3ClientFactory;
import io.botburrow.agents.s3.S3Properties;
import io.botburrow.devhub.DevHubServer;
import io.botburrow.devkit.llm.RecordedRequest;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Many Hubs on one pool: the default tenant (the system's Hub), tenant {@code beta} (a second development Hub) and
 * tenant {@code gamma} (a Hub that answers 500 to everything), served by ONE coordinator and ONE runner. Both working
 * Hubs have an {@code echo-agent} with a definition of their own.
 */
class TenantsIT {
  private static final String BETA_PROMPT = "You are echo-agent of the beta Hub, marker BETA-DEFINITION.";
  private static final String DEFAULT_PROMPT = "You are echo-agent, a concise test agent.";
  private static final List<String> AGENTS = List.of("echo-agent", "manager", "worker");
  private static DevHubServer betaHub;
  private static HttpServer gammaHub;
  private static final AtomicInteger gammaCalls = new AtomicInteger();
  private static LocalSystem system;
  private static HubHttp hubA;
  private static HubHttp hubB;
  private static String ronA;
  private static String ronB;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
    List<String> seeds = new java.util.ArrayList<>(List.of("ron:human"));
    AGENTS.forEach(a -> seeds.add(a + ":native"));
    betaHub = DevHubServer.start(Map.of("micronaut.server.port", -1, "botburrow.hub.seed-agents", seeds));
    gammaHub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    gammaHub.createContext("/", exchange -> {
      gammaCalls.incrementAndGet();
      byte[] body = "{\"error\":\"down for maintenance\"}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(500, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    gammaHub.start();
    Map<String, Object> tenants = Map.of(
        "botburrow.tenants.beta.hub.url", betaHub.baseUrl().toString(),
        "botburrow.tenants.beta.hub.api-key", betaHub.adminKey(),
        "botburrow.tenants.beta.delegate-to", List.of("default"),
        "botburrow.tenants.gamma.hub.url", "http://127.0.0.1:" + gammaHub.getAddress().getPort(),
        "botburrow.tenants.gamma.hub.retry-initial-backoff", "50ms");
    Map<String, Object> runner = new java.util.HashMap<>(tenants);
    runner.put("botburrow.delegation.allow.manager", List.of("*"));
    runner.put("botburrow.delegation.result-wait", "10s");
    system = new LocalSystem(AGENTS, runner, Map.of(), tenants);
    uploadBetaDefinitions();
    hubA = system.hubHttp();
    hubB = new HubHttp(betaHub.baseUrl());
    ronA = hubA.post("/api/v1/dev/session", null, Map.of("name", "ron")).path("api_key").asText();
    ronB = hubB.post("/api/v1/dev/session", null, Map.of("name", "ron")).path("api_key").asText();
  }

  // beta's part of the bucket: its own echo-agent, and the fixture's manager and worker
  private static void uploadBetaDefinitions() throws Exception {
    S3Properties props = S3Properties.of(system.s3.endpoint(), "botburrow-agents", system.s3.accessKey(), system.s3.secretKey());
    try (S3Client s3 = S3ClientFactory.createClient(props)) {
      put(s3, "beta/agents/echo-agent/config.yaml",
          Files.readString(LocalSystem.fixture().resolve("agents/echo-agent/config.yaml")));
      put(s3, "beta/agents/echo-agent/system-prompt.md", BETA_PROMPT);
      for (String agent : List.of("manager", "worker")) {
        for (String file : List.of("config.yaml", "system-prompt.md")) {
          put(s3, "beta/agents/" + agent + "/" + file, Files.readString(LocalSystem.fixture().resolve("agents/" + agent + "/" + file)));
        }
      }
    }
  }

  private static void put(S3Client s3, String key, String content) {
    s3.putObject(PutObjectRequest.builder().bucket("botburrow-agents").key(key).build(), RequestBody.fromString(content));
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
    if (betaHub != null) {
      betaHub.close();
    }
    if (gammaHub != null) {
      gammaHub.stop(0);
    }
  }

  private static String post(HubHttp hub, String key, String content) {
    return hub.post("/api/v1/posts", key, Map.of("title", "Question", "content", content)).path("id").asText();
  }

  private static List<String> commentsBy(HubHttp hub, String key, String postId, String agent) {
    return Probes.comments(hub, key, postId).filter(c -> agent.equals(c.path("author_name").asText()))
        .map(c -> c.path("content").asText()).toList();
  }

  /** Every comment of every post in {@code hub}. */
  private static List<String> everyComment(HubHttp hub, String key) {
    JsonNode posts = hub.get("/api/v1/posts?limit=100", key).path("posts");
    return StreamSupport.stream(posts.spliterator(), false)
        .flatMap(p -> Probes.comments(hub, key, p.path("id").asText()).map(c -> c.path("content").asText())).toList();
  }

  private static List<String> awaitReply(HubHttp hub, String key, String postId, String agent) {
    return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
        .until(() -> commentsBy(hub, key, postId, agent), c -> !c.isEmpty());
  }

  @Test
  void sameNamedAgentsOfTwoHubsAnswerEachInItsOwnThreadFromTheirOwnDefinitions() {
    String inA = "alpha-" + UUID.randomUUID();
    String inB = "beta-" + UUID.randomUUID();
    system.llm.enqueueFor(inA, ScriptedTurn.text("Answer for the default Hub " + inA));
    system.llm.enqueueFor(inB, ScriptedTurn.text("Answer for the beta Hub " + inB));

    String postA = post(hubA, ronA, "@echo-agent " + inA);
    String postB = post(hubB, ronB, "@echo-agent " + inB);

    assertThat(awaitReply(hubA, ronA, postA, "echo-agent")).containsExactly("Answer for the default Hub " + inA);
    assertThat(awaitReply(hubB, ronB, postB, "echo-agent")).containsExactly("Answer for the beta Hub " + inB);
    assertThat(system.llm.requestsContaining(inA)).isNotEmpty().allSatisfy(r ->
        assertThat(r.raw()).contains(DEFAULT_PROMPT).doesNotContain("BETA-DEFINITION"));
    assertThat(system.llm.requestsContaining(inB)).isNotEmpty().allSatisfy(r ->
        assertThat(r.raw()).contains("BETA-DEFINITION").doesNotContain(DEFAULT_PROMPT));
    // neither answer ever shows up in the other Hub, on whatever post
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
      assertThat(everyComment(hubA, ronA)).noneMatch(c -> c.contains(inB));
      assertThat(everyComment(hubB, ronB)).noneMatch(c -> c.contains(inA));
      assertThat(commentsBy(hubA, ronA, postA, "echo-agent")).hasSize(1);
      assertThat(commentsBy(hubB, ronB, postB, "echo-agent")).hasSize(1);
    });
    // the runner counts each tenant's echo-agent apart
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      assertThat(Probes.metric(system.runnerHttp(), "botburrow_activations_total", "agent=\"echo-agent\"",
          "tenant=\"beta\"", "status=\"success\"")).isGreaterThanOrEqualTo(1);
      assertThat(Probes.metric(system.runnerHttp(), "botburrow_activations_total", "agent=\"echo-agent\"",
          "tenant=\"default\"", "status=\"success\"")).isGreaterThanOrEqualTo(1);
    });
  }

  @Test
  void delegationToAnotherTenantIsRefusedWithoutDelegateToAndDoneWithIt() {
    String askA = "ask-a-" + UUID.randomUUID();
    String workA = "work-a-" + UUID.randomUUID();
    system.llm.enqueueFor(askA,
        ScriptedTurn.toolCall("delegate", "{\"agent\":\"beta/worker\",\"task\":\"" + workA + " count the issues\"}"),
        ScriptedTurn.text("I may not hand this to the beta Hub."));
    String askB = "ask-b-" + UUID.randomUUID();
    String workB = "work-b-" + UUID.randomUUID();
    system.llm.enqueueFor(askB,
        ScriptedTurn.toolCall("delegate", "{\"agent\":\"default/worker\",\"task\":\"" + workB + " count the issues\"}"),
        ScriptedTurn.text("The default Hub's worker counted 7 issues."));
    system.llm.enqueueFor(workB, ScriptedTurn.text("There are 7 open issues."));

    String postA = post(hubA, ronA, "@manager " + askA);
    String postB = post(hubB, ronB, "@manager " + askB);

    // the default tenant lists no delegate-to: a clear tool error, and beta's worker never runs
    assertThat(awaitReply(hubA, ronA, postA, "manager")).containsExactly("I may not hand this to the beta Hub.");
    assertThat(system.llm.requestsContaining(askA).getLast().raw()).contains(
        "Delegation refused: agents of tenant default may not hand work to tenant beta (the operator has not listed it"
            + " in botburrow.tenants.default.delegate-to).");
    assertThat(system.llm.requestsContaining(workA)).allSatisfy(r -> assertThat(r.raw()).contains(askA));
    // beta lists the default tenant: the default Hub's worker does the work and beta's manager answers in beta
    assertThat(awaitReply(hubB, ronB, postB, "manager")).containsExactly("The default Hub's worker counted 7 issues.");
    RecordedRequest toWorker = system.llm.requestsContaining(workB).getFirst();
    assertThat(toWorker.raw()).contains("Task delegated to you by manager (chain: beta/manager → default/worker)");
    assertThat(system.llm.requestsContaining(askB).getLast().raw()).contains("There are 7 open issues.");
    assertThat(everyComment(hubA, ronA)).noneMatch(c -> c.contains("counted 7 issues"));
  }

  @Test
  void aHubAnswering500DoesNotDelayTheOtherTenantsAnswers() {
    await().atMost(Duration.ofSeconds(10)).until(() -> gammaCalls.get() > 0
        && Probes.metric(system.coordinatorHttp(), "botburrow_tenant_hub_failures_total", "tenant=\"gamma\"") >= 1);
    assertThat(Probes.metric(system.coordinatorHttp(), "botburrow_tenant_hub_up", "tenant=\"gamma\"")).isZero();
    String inB = "while-gamma-fails-" + UUID.randomUUID();
    system.llm.enqueueFor(inB, ScriptedTurn.text("Beta answers while gamma is down " + inB));
    String inA = "default-while-gamma-fails-" + UUID.randomUUID();
    system.llm.enqueueFor(inA, ScriptedTurn.text("Default answers while gamma is down " + inA));

    long start = System.nanoTime();
    String postB = post(hubB, ronB, "@echo-agent " + inB);
    // another agent than beta's: until the queue keeps tenants apart, same-named agents share single flight there
    String postA = post(hubA, ronA, "@worker " + inA);

    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
        .until(() -> commentsBy(hubB, ronB, postB, "echo-agent"), c -> !c.isEmpty());
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
        .until(() -> commentsBy(hubA, ronA, postA, "worker"), c -> !c.isEmpty());
    System.out.println("tenants: both answers " + (System.nanoTime() - start) / 1_000_000 + " ms while gamma answers 500");
    assertThat(Probes.metric(system.coordinatorHttp(), "botburrow_tenant_hub_up", "tenant=\"beta\"")).isEqualTo(1.0);
    assertThat(Probes.metric(system.coordinatorHttp(), "botburrow_tenant_hub_up", "tenant=\"default\"")).isEqualTo(1.0);
    assertThat(Probes.metric(system.coordinatorHttp(), "botburrow_tenant_hub_failures_total", "tenant=\"default\"")).isZero();
  }

  @Test
  void eachTenantsAuditTrailIsArchivedInItsPartOfTheBucketAndVerifiesOnItsOwn() {
    String inB = "audited-" + UUID.randomUUID();
    system.llm.enqueueFor(inB, ScriptedTurn.text("Audited in beta " + inB));
    String postB = post(hubB, ronB, "@echo-agent " + inB);
    awaitReply(hubB, ronB, postB, "echo-agent");
    S3Properties props = S3Properties.of(system.s3.endpoint(), "botburrow-agents", system.s3.accessKey(), system.s3.secretKey());
    String key;
    try (S3Client s3 = S3ClientFactory.createClient(props)) {
      key = await().atMost(Duration.ofSeconds(10)).until(() -> s3.listObjectsV2(b -> b.bucket("botburrow-agents")
          .prefix("beta/audit/")).contents().stream().map(o -> o.key())
          .filter(k -> k.contains("/echo-agent/") && k.endsWith(".responses.jsonl")).findFirst(), Optional::isPresent).get();
    }
    String activation = key.substring(key.lastIndexOf('/') + 1).split("\\.")[0];

    CliRun beta = cli("audit", "verify", "--tenant", "beta");
    CliRun unknown = cli("audit", "verify", "--tenant", "nope");
    CliRun replayed = cli("replay", activation, "--tenant", "beta");

    assertThat(beta.exit()).as(beta.err()).isZero();
    assertThat(beta.out()).containsPattern("audit: [1-9][0-9]* activations verified, chain ok");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("tenant 'nope' is not configured");
    // the beta definition's run, replayed from beta's archive on its recorded responses
    assertThat(replayed.exit()).as(replayed.err()).isZero();
    assertThat(replayed.out()).contains("replay: " + activation + " tool sequence matches");
  }

  record CliRun(int exit, String out, String err) {}

  private static CliRun cli(String... command) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cli = new picocli.CommandLine(new io.botburrow.cli.Main());
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    List<String> args = new java.util.ArrayList<>(List.of(command));
    args.addAll(List.of("--config", "no-such-config.yml",
        "-D", "botburrow.hub.url=" + system.hub.baseUrl(),
        "-D", "botburrow.redis.url=" + system.redis.url(),
        "-D", "botburrow.s3.endpoint=" + system.s3.endpoint(),
        "-D", "botburrow.s3.bucket=botburrow-agents",
        "-D", "botburrow.s3.access-key=" + system.s3.accessKey(),
        "-D", "botburrow.s3.secret-key=" + system.s3.secretKey(),
        "-D", "botburrow.tenants.beta.hub.url=" + betaHub.baseUrl()));
    int exit = cli.execute(args.toArray(String[]::new));
    return new CliRun(exit, out.toString(), err.toString());
  }
}
