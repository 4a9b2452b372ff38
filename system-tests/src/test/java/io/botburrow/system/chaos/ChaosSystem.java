package io.botburrow.system.chaos;

import io.botburrow.agents.s3.BucketUploader;
import io.botburrow.agents.s3.S3ClientFactory;
import io.botburrow.agents.s3.S3Properties;
import io.botburrow.devhub.DevHubServer;
import io.botburrow.devkit.ClosingStack;
import io.botburrow.devkit.agents.ScriptedAgents;
import io.botburrow.devkit.llm.ScriptedLlmServer;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.devkit.redis.LocalRedisSentinels;
import io.botburrow.devkit.s3.EmbeddedS3;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The parts chaos tests keep in the test JVM (redis-server, embedded S3 with generated agents, the
 * development Hub, the scripted model answering every agent with a short text) and factories for the
 * runner and coordinator processes they kill.
 */
final class ChaosSystem implements AutoCloseable {
  static final String LLM_KEY = "sk-chaos-test-key";
  static final String OPERATOR_KEY = "chaos-operator-key";
  static final String ANSWER = "Noted, thanks for the mention.";
  /** The runners' lease: short, so that a lost lease is redelivered within the tests' patience. */
  static final java.time.Duration LEASE_DURATION = java.time.Duration.ofSeconds(5);

  final LocalRedis redis;
  /** The sentinels the services ask for the primary, or null when they use {@link #redis} directly. */
  final LocalRedisSentinels sentinels;
  final ScriptedLlmServer llm;
  final DevHubServer hub;
  final HubUser ron;
  private final EmbeddedS3 s3;
  private final S3Properties s3Props;
  private final ClosingStack all = new ClosingStack(e -> { });

  ChaosSystem(List<String> agents) {
    this(agents, null);
  }

  /** With {@code sentinels} (closed with the system) instead of one server: services follow their primary. */
  ChaosSystem(List<String> agents, LocalRedisSentinels sentinels) {
    this.sentinels = sentinels == null ? null : add(sentinels);
    redis = sentinels == null ? add(LocalRedis.start()) : sentinels.servers().getFirst();
    s3 = add(EmbeddedS3.startInMemory("chaos-access", "chaos-secret"));
    s3Props = S3Properties.of(s3.endpoint(), "botburrow-agents", s3.accessKey(), s3.secretKey());
    upload(agents);
    llm = add(new ScriptedLlmServer().requireApiKey(LLM_KEY).defaultResponder(request -> ScriptedTurn.text(ANSWER)).start(0));
    List<String> seeds = new ArrayList<>(List.of("ron:human"));
    agents.forEach(a -> seeds.add(a + ":native"));
    hub = add(DevHubServer.start(Map.of("micronaut.server.port", -1, "botburrow.hub.seed-agents", seeds)));
    ron = HubUser.signIn(hub, "ron");
  }

  /** Properties every service needs: where the Hub, Redis and the bucket are. */
  Map<String, String> common() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("botburrow.hub.url", hub.baseUrl().toString());
    p.put("botburrow.hub.api-key", hub.adminKey());
    p.put("botburrow.redis.url", redis.url());
    if (sentinels != null) {
      p.put("botburrow.redis.sentinel.master-name", LocalRedisSentinels.MASTER_NAME);
      p.put("botburrow.redis.sentinel.nodes", String.join(",", sentinels.sentinelNodes()));
    }
    p.put("botburrow.s3.endpoint", s3.endpoint().toString());
    p.put("botburrow.s3.bucket", s3Props.bucket());
    p.put("botburrow.s3.access-key", s3.accessKey());
    p.put("botburrow.s3.secret-key", s3.secretKey());
    p.put("botburrow.operator.key", OPERATOR_KEY);
    return p;
  }

  /**
   * A hybrid runner process named {@code id} (also its runner id). Leases last 5 s and are renewed every
   * second, so a killed runner's work is redelivered within seconds rather than a minute.
   */
  ServiceProcess launchRunner(String id, Map<String, String> extra) {
    Map<String, String> p = common();
    p.put("botburrow.runner.id", id);
    p.put("botburrow.runner.pool", "hybrid");
    p.put("botburrow.runner.slots", "4");
    p.put("botburrow.runner.heartbeat-interval", "1s");
    p.put("botburrow.redis.lease-duration", LEASE_DURATION.toSeconds() + "s");
    p.put("botburrow.llm.override-base-url", llm.baseUrl().toString());
    p.put("botburrow.llm.override-api-key", LLM_KEY);
    // the chaos is in the queue protocol, not in sandboxes: agents here use Hub tools only
    p.put("botburrow.sandbox.enabled", "false");
    p.putAll(extra);
    return add(ServiceProcess.launch(id, "runner", p));
  }

  /** A coordinator process with the default leader lease (3 s TTL, renewed every second). */
  ServiceProcess launchCoordinator(String name, Map<String, String> extra) {
    Map<String, String> p = common();
    p.put("botburrow.leader.instance-id", name);
    p.putAll(extra);
    return add(ServiceProcess.launch(name, "coordinator", p));
  }

  Operator operator(ServiceProcess coordinator) {
    return new Operator(new Http(coordinator.url(), OPERATOR_KEY));
  }

  /** The Hub as its administrator sees it (fault injection, any agent's notifications). */
  Http hubAdmin() {
    return new Http(hub.baseUrl(), hub.adminKey());
  }

  /** Replaces (or adds) agent {@code name}'s definition in the bucket with {@code configYaml}. */
  void define(String name, String configYaml) {
    try {
      Path dir = Files.createTempDirectory("chaos-agent-");
      Path agentDir = Files.createDirectories(dir.resolve("agents").resolve(name));
      Files.writeString(agentDir.resolve("config.yaml"), configYaml);
      Files.writeString(agentDir.resolve("system-prompt.md"), "You are " + name + ".");
      try (S3Client client = S3ClientFactory.createClient(s3Props)) {
        new BucketUploader(client, s3Props.bucket()).upload(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void upload(List<String> agents) {
    Path dir;
    try {
      dir = Files.createTempDirectory("chaos-agents-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    new ScriptedAgents("Chaos test agent that answers mentions", 3, 200).write(dir, agents);
    try (S3Client client = S3ClientFactory.createClient(s3Props)) {
      new BucketUploader(client, s3Props.bucket()).upload(dir);
    }
  }

  private <T extends AutoCloseable> T add(T c) {
    return all.push(c);
  }

  @Override
  public void close() {
    all.close();
  }
}
