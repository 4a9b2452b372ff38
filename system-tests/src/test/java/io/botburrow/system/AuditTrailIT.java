package io.botburrow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.botburrow.agents.s3.S3ClientFactory;
import io.botburrow.agents.s3.S3Properties;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import picocli.CommandLine;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An activation with a tool call leaves an audit trail in Redis and in the bucket, and
 * {@code ./botburrow audit verify} finds a record altered in either.
 */
class AuditTrailIT {
  private static final String AGENT = "reader-agent";
  private static LocalSystem system;
  private static HubHttp hub;
  private static String ronKey;
  private static RedissonClient redis;
  private static S3Client s3;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
    system = new LocalSystem(List.of(AGENT));
    hub = system.hubHttp();
    ronKey = hub.post("/api/v1/dev/session", null, Map.of("name", "ron")).path("api_key").asText();
    Config config = new Config();
    config.useSingleServer().setAddress(system.redis.url());
    redis = Redisson.create(config);
    s3 = S3ClientFactory.createClient(S3Properties.of(system.s3.endpoint(), "botburrow-agents", system.s3.accessKey(),
        system.s3.secretKey()));
  }

  @AfterAll
  static void stop() {
    if (redis != null) {
      redis.shutdown();
    }
    if (s3 != null) {
      s3.close();
    }
    if (system != null) {
      system.close();
    }
  }

  record Run(int exit, String out, String err) {
    String lastLine() {
      String[] lines = out.strip().split("\n");
      return lines[lines.length - 1];
    }
  }

  private static Run verify() {
    return cli("audit", "verify");
  }

  private static Run cli(String... command) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new io.botburrow.cli.Main());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of("--config", "no-such-config.yml",
        "-D", "botburrow.hub.url=" + system.hub.baseUrl(),
        "-D", "botburrow.hub.api-key=" + system.hub.adminKey(),
        "-D", "botburrow.redis.url=" + system.redis.url(),
        "-D", "botburrow.s3.endpoint=" + system.s3.endpoint(),
        "-D", "botburrow.s3.bucket=botburrow-agents",
        "-D", "botburrow.s3.access-key=" + system.s3.accessKey(),
        "-D", "botburrow.s3.secret-key=" + system.s3.secretKey()));
    int exit = cli.execute(args.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  private static String streamKey() {
    return "botburrow:audit:" + LocalDate.now(ZoneOffset.UTC);
  }

  /** Asks the agent something it answers after one hub_search; waits for its reply and its archived trail. */
  private static void askWithOneSearch(String question) {
    system.llm.enqueueFor(question, ScriptedTurn.toolCall("hub_search", "{\"query\":\"redis\"}").withUsage(120, 30));
    system.llm.enqueueFor(question, ScriptedTurn.text("Nothing about that yet.").withUsage(150, 12));
    String post = hub.post("/api/v1/posts", ronKey, Map.of("title", "Question", "content", "@" + AGENT + " " + question))
        .path("id").asText();
    await().atMost(Duration.ofSeconds(20)).until(() -> Probes.commentBy(hub, ronKey, post, AGENT).isPresent());
  }

  private static List<String> archiveKeys() {
    return s3.listObjectsV2(b -> b.bucket("botburrow-agents").prefix("audit/")).contents().stream()
        .map(software.amazon.awssdk.services.s3.model.S3Object::key).toList();
  }

  @Test
  void verifyFindsARecordAlteredInRedisAndOneAlteredInTheArchive() {
    askWithOneSearch("what is new in redis? " + java.util.UUID.randomUUID());
    await().atMost(Duration.ofSeconds(10)).until(() -> archiveKeys().stream().anyMatch(k -> k.endsWith(".responses.jsonl")));

    Run ok = verify();
    assertThat(ok.exit()).isZero();
    assertThat(ok.lastLine()).matches("audit: [1-9][0-9]* activations verified, chain ok");

    // Redis: whoever edits a stream deletes the entry and adds a changed copy
    var stream = redis.<String, String>getStream(streamKey(), StringCodec.INSTANCE);
    Map<StreamMessageId, Map<String, String>> original = new LinkedHashMap<>(stream.range(StreamMessageId.MIN, StreamMessageId.MAX));
    rewriteStream(original, "redis", "kafka");
    Run redisBroken = verify();
    assertThat(redisBroken.exit()).isEqualTo(1);
    assertThat(redisBroken.err()).contains("audit: chain broken at record 4 of activation")
        .contains("in Redis stream " + streamKey()).contains("its content does not match its hash (altered)");
    rewriteStream(original, "", "");
    assertThat(verify().exit()).isZero();

    String key = archiveKeys().stream().filter(k -> k.endsWith(".jsonl") && !k.endsWith(".responses.jsonl")).findFirst()
        .orElseThrow();
    assertThat(key).startsWith("audit/" + LocalDate.now(ZoneOffset.UTC) + "/" + AGENT + "/");
    String archived = s3.getObjectAsBytes(b -> b.bucket("botburrow-agents").key(key)).asUtf8String();
    assertThat(archived).contains("\"type\":\"tool_call\"").contains("\"name\":\"hub_search\"");
    s3.putObject(b -> b.bucket("botburrow-agents").key(key),
        RequestBody.fromString(archived.replace("\"output_tokens\":12", "\"output_tokens\":2")));
    Run archiveBroken = verify();
    assertThat(archiveBroken.exit()).isEqualTo(1);
    assertThat(archiveBroken.err()).contains("in archive " + key).contains("(altered)");
    s3.putObject(b -> b.bucket("botburrow-agents").key(key), RequestBody.fromString(archived));
    assertThat(verify().lastLine()).matches("audit: [1-9][0-9]* activations verified, chain ok");
  }

  @Test
  void aReplayCallsTheRecordedToolsAgainAndNoticesAChangedDefinition() throws Exception {
    List<String> before = archiveKeys();
    askWithOneSearch("replay me " + java.util.UUID.randomUUID());
    await().atMost(Duration.ofSeconds(10)).until(() -> archiveKeys().stream()
        .anyMatch(k -> k.endsWith(".responses.jsonl") && !before.contains(k)));
    String key = archiveKeys().stream().filter(k -> k.endsWith(".responses.jsonl") && !before.contains(k)).findFirst()
        .orElseThrow();
    String activation = key.substring(key.lastIndexOf('/') + 1).split("\\.")[0];
    int requests = system.llm.requests().size();

    Run replayed = cli("replay", activation);

    assertThat(replayed.exit()).as(replayed.err()).isZero();
    assertThat(replayed.lastLine()).isEqualTo("replay: " + activation + " tool sequence matches (1 calls)");
    assertThat(system.llm.requests().size()).isEqualTo(requests);

    java.nio.file.Path changed = java.nio.file.Files.createTempDirectory("changed-definition");
    java.nio.file.Path config = changed.resolve("agents/" + AGENT + "/config.yaml");
    java.nio.file.Files.createDirectories(config.getParent());
    java.nio.file.Files.writeString(config, java.nio.file.Files.readString(
        LocalSystem.fixture().resolve("agents/" + AGENT + "/config.yaml")).replace("max_iterations: 5", "max_iterations: 4"));
    system.uploadDefinitions(changed);
    try {
      Run afterChange = cli("replay", activation);
      assertThat(afterChange.exit()).isEqualTo(1);
      assertThat(afterChange.lastLine()).startsWith("replay: " + activation + " definition of " + AGENT
          + " changed: recorded revision ");
    } finally {
      system.uploadDefinitions(LocalSystem.fixture());
    }
  }

  @Test
  void theBucketArchiveKeepsRunsPerDayAndAgentAndRetentionDeletesWholeDays() {
    String bucket = "audit-retention-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    s3.createBucket(b -> b.bucket(bucket));
    var archive = new io.botburrow.audit.s3.S3AuditArchive(s3, bucket);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (LocalDate day : List.of(today.minusDays(40), today.minusDays(1), today)) {
      var chain = new io.botburrow.audit.AuditChain("run-" + day, "act-" + day, AGENT);
      archive.store(day, AGENT, chain.run(), List.of(chain.append("started", Map.of("n", 1), day.atStartOfDay(ZoneOffset.UTC)
          .toInstant())), List.of("{\"content\":\"hi\"}"));
    }

    assertThat(archive.days()).containsExactly(today.minusDays(40), today.minusDays(1), today);
    assertThat(archive.read(today)).singleElement().satisfies(run -> {
      assertThat(run.agent()).isEqualTo(AGENT);
      assertThat(run.run()).isEqualTo("run-" + today);
      assertThat(run.records()).hasSize(1);
    });
    assertThat(archive.responses(today, AGENT, "run-" + today)).containsExactly("{\"content\":\"hi\"}");
    assertThat(archive.responses(today, AGENT, "no-such-run")).isEmpty();
    // a retention of 30 days on today: the day 40 days ago goes, both its objects
    assertThat(archive.deleteBefore(
        io.botburrow.coordinator.duties.AuditRetentionDuty.firstKept(today, 30))).isEqualTo(2);
    assertThat(archive.days()).containsExactly(today.minusDays(1), today);
  }

  private static void rewriteStream(Map<StreamMessageId, Map<String, String>> entries, String from, String to) {
    redis.getKeys().delete(streamKey());
    var stream = redis.<String, String>getStream(streamKey(), StringCodec.INSTANCE);
    for (Map<String, String> e : entries.values()) {
      String line = e.get("line").contains("\"type\":\"tool_call\"") ? e.get("line").replace(from, to) : e.get("line");
      stream.add(StreamAddArgs.entries(Map.of("line", line, "hash", e.get("hash"))));
    }
  }

  @Test
  void theTrailOfATypicalActivationIsSmallAndQuickToWrite() {
    MeterRegistry registry = system.runner.getBean(MeterRegistry.class);
    askWithOneSearch("warm up " + java.util.UUID.randomUUID());
    await().atMost(Duration.ofSeconds(10)).until(() -> registry.find("botburrow.audit.bytes").summary() != null
        && registry.get("botburrow.audit.bytes").summary().count() > 0);
    long before = registry.get("botburrow.audit.bytes").summary().count();
    double bytesBefore = registry.get("botburrow.audit.bytes").summary().totalAmount();
    double redisBefore = nanos(registry, "redis");
    double archiveBefore = nanos(registry, "archive");
    int n = 20;
    for (int i = 0; i < n; i++) {
      askWithOneSearch("measure " + i + " " + java.util.UUID.randomUUID());
    }
    await().atMost(Duration.ofSeconds(10))
        .until(() -> registry.get("botburrow.audit.bytes").summary().count() >= before + n);

    long count = registry.get("botburrow.audit.bytes").summary().count() - before;
    double bytes = (registry.get("botburrow.audit.bytes").summary().totalAmount() - bytesBefore) / count;
    double redisMs = (nanos(registry, "redis") - redisBefore) / count / 1e6;
    double archiveMs = (nanos(registry, "archive") - archiveBefore) / count / 1e6;
    System.out.printf("audit of a mention answered after one tool call (8 records), mean of %d activations: %.0f bytes "
        + "of records, %.2f ms appending to Redis, %.2f ms archiving to the bucket%n", count, bytes, redisMs, archiveMs);
    assertThat(bytes).isBetween(1000.0, 8000.0);
    assertThat(redisMs).isLessThan(50.0);
  }

  private static double nanos(MeterRegistry registry, String store) {
    return registry.get("botburrow.audit.recording").tag("store", store).timer()
        .totalTime(java.util.concurrent.TimeUnit.NANOSECONDS);
  }
}
