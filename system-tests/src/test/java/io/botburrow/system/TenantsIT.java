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
import java.net.http.HttpResponse;
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
  private static final List<String> AGENTS = List.of("echo-agent", "manager", "worker", "hook-agent", "ticker");
  private static final String HOOK_PROMPT = "You are hook-agent. Answer in one sentence.";
  private static final String BETA_HOOK_PROMPT = "You are hook-agent of the beta Hub, marker BETA-HOOK-DEFINITION.";
  private static final String HOOK_SECRET = "default-hook-secret-0001";
  private static final String BETA_HOOK_SECRET = "beta-hook-secret-0002";
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
    Map<String, Object> coordinator = new java.util.HashMap<>(tenants);
    // beta's ticker is uploaded after the start: its schedule is found within a second
    coordinator.put("botburrow.schedules.sync-interval", "1s");
    system = new LocalSystem(AGENTS, runner, Map.of("HOOK_AGENT_WEBHOOK_SECRET", HOOK_SECRET,
        "TENANT_BETA__HOOK_AGENT_WEBHOOK_SECRET", BETA_HOOK_SECRET), coordinator);
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
      put(s3, "beta/agents/hook-agent/config.yaml",
          Files.readString(LocalSystem.fixture().resolve("agents/hook-agent/config.yaml")));
      put(s3, "beta/agents/hook-agent/system-prompt.md", BETA_HOOK_PROMPT);
      // an agent of beta only, with a schedule: every three seconds
      put(s3, "beta/agents/ticker/config.yaml", Files.readString(LocalSystem.fixture().resolve("agents/hook-agent/config.yaml"))
          .replace("name: hook-agent", "name: ticker").replace("display_name: Hook-agent", "display_name: Ticker")
          .replaceAll("(?s)webhooks:.*", "schedules:\n  - name: tick\n    cron: \"*/3 * * * * *\"\n"
              + "    prompt: \"Beta's scheduled tick SCHEDULED-IN-BETA\"\n"));
      put(s3, "beta/agents/ticker/system-prompt.md", "You are ticker of the beta Hub, marker BETA-TICKER-DEFINITION.");
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
      for (String tenant : List.of("beta", "default")) {
        assertThat(Probes.metric(system.runnerHttp(), "botburrow_tokens_total", "agent=\"echo-agent\"",
            "tenant=\"" + tenant + "\"", "direction=\"input\"")).isPositive();
      }
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

  @Test
  void anApiMessageAndAWebhookToTheSameNamedAgentOfTwoTenantsAreEachAnsweredFromItsTenantsDefinition() throws Exception {
    String askA = "api-default-" + UUID.randomUUID();
    String askB = "api-beta-" + UUID.randomUUID();
    system.llm.enqueueFor(askA, ScriptedTurn.text("Default's hook-agent answers " + askA));
    system.llm.enqueueFor(askB, ScriptedTurn.text("Beta's hook-agent answers " + askB));
    // one Idempotency-Key in two tenants: two messages
    String key = "same-key-" + UUID.randomUUID();

    JsonNode sentA = api("POST", "/api/v1/agents/hook-agent/messages", Map.of("content", askA), key, 202);
    JsonNode sentB = api("POST", "/api/v1/tenants/beta/agents/hook-agent/messages", Map.of("content", askB), key, 202);

    assertThat(sentB.path("task_id").asText()).isNotEqualTo(sentA.path("task_id").asText());
    assertThat(awaitCompleted("/api/v1/tasks/" + sentA.path("task_id").asText()).path("result").asText())
        .isEqualTo("Default's hook-agent answers " + askA);
    assertThat(awaitCompleted("/api/v1/tenants/beta/tasks/" + sentB.path("task_id").asText()).path("result").asText())
        .isEqualTo("Beta's hook-agent answers " + askB);
    assertThat(system.llm.requestsContaining(askA)).singleElement().satisfies(r ->
        assertThat(r.raw()).contains(HOOK_PROMPT).doesNotContain("BETA-HOOK-DEFINITION"));
    assertThat(system.llm.requestsContaining(askB)).singleElement().satisfies(r ->
        assertThat(r.raw()).contains("BETA-HOOK-DEFINITION").doesNotContain(HOOK_PROMPT));

    String pushA = "push-default-" + UUID.randomUUID();
    String pushB = "push-beta-" + UUID.randomUUID();
    system.llm.enqueueFor(pushA, ScriptedTurn.text("Default saw a push."));
    system.llm.enqueueFor(pushB, ScriptedTurn.text("Beta saw a push."));
    String delivery = UUID.randomUUID().toString();
    String bodyA = "{\"ref\":\"refs/heads/main\",\"note\":\"" + pushA + "\"}";
    String bodyB = "{\"ref\":\"refs/heads/main\",\"note\":\"" + pushB + "\"}";

    // a secret of one tenant starts no work in the other
    assertThat(github("/hooks/beta/hook-agent/github", bodyB, HOOK_SECRET, delivery).statusCode()).isEqualTo(401);
    assertThat(github("/hooks/hook-agent/github", bodyA, BETA_HOOK_SECRET, delivery).statusCode()).isEqualTo(401);
    HttpResponse<String> hookA = github("/hooks/hook-agent/github", bodyA, HOOK_SECRET, delivery);
    HttpResponse<String> hookB = github("/hooks/beta/hook-agent/github", bodyB, BETA_HOOK_SECRET, delivery);

    assertThat(hookA.statusCode()).as(hookA.body()).isEqualTo(202);
    assertThat(hookB.statusCode()).as(hookB.body()).isEqualTo(202);
    String taskB = JSON.readTree(hookB.body()).path("task_id").asText();
    assertThat(awaitCompleted("/api/v1/tenants/beta/tasks/" + taskB).path("result").asText()).isEqualTo("Beta saw a push.");
    assertThat(awaitCompleted("/api/v1/tasks/" + JSON.readTree(hookA.body()).path("task_id").asText()).path("result")
        .asText()).isEqualTo("Default saw a push.");
    assertThat(system.llm.requestsContaining(pushB)).singleElement().satisfies(r ->
        assertThat(r.raw()).contains("BETA-HOOK-DEFINITION").doesNotContain(HOOK_PROMPT));
    assertThat(system.llm.requestsContaining(pushA)).singleElement().satisfies(r ->
        assertThat(r.raw()).contains(HOOK_PROMPT).doesNotContain("BETA-HOOK-DEFINITION"));

    // an unknown tenant: 404 with a clear body
    HttpResponse<String> unknown = send("POST", "/api/v1/tenants/nope/agents/hook-agent/messages",
        Map.of("content", "hello"), null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("no tenant nope is served here");
  }

  @Test
  void aScheduleOfABetaAgentFiresWithBetaAndItsDefinition() {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
        .until(() -> system.llm.requestsContaining("SCHEDULED-IN-BETA"), r -> !r.isEmpty());
    assertThat(system.llm.requestsContaining("SCHEDULED-IN-BETA")).allSatisfy(r ->
        assertThat(r.raw()).contains("BETA-TICKER-DEFINITION"));
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(Probes.metric(system.runnerHttp(),
        "botburrow_activations_total", "agent=\"ticker\"", "tenant=\"beta\"")).isGreaterThanOrEqualTo(1));
    assertThat(Probes.metric(system.runnerHttp(), "botburrow_activations_total", "agent=\"ticker\"",
        "tenant=\"default\"")).isZero();
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
  private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

  private static JsonNode awaitCompleted(String path) {
    return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
        .until(() -> api("GET", path, null, null, 200), t -> t.path("status").asText().equals("completed"));
  }

  private static JsonNode api(String method, String path, Object body, String idempotencyKey, int status) throws Exception {
    HttpResponse<String> response = send(method, path, body, idempotencyKey);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> send(String method, String path, Object body, String idempotencyKey)
      throws Exception {
    java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(io.botburrow.cli.Services.url(system.coordinator)).resolve(path))
        .header("Authorization", "Bearer " + LocalSystem.OPERATOR_KEY).header("Content-Type", "application/json")
        .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> github(String path, String body, String secret, String delivery) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    return HTTP.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(io.botburrow.cli.Services.url(system.coordinator)).resolve(path))
        .header("Content-Type", "application/json").header("X-GitHub-Event", "push").header("X-GitHub-Delivery", delivery)
        .header("X-Hub-Signature-256", signature).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
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
