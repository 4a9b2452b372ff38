package io.botburrow.system;

import io.botburrow.agents.s3.BucketUploader;
import io.botburrow.agents.s3.S3ClientFactory;
import io.botburrow.agents.s3.S3Properties;
import io.botburrow.cli.Services;
import io.botburrow.devhub.DevHubServer;
import io.botburrow.devkit.ClosingStack;
import io.botburrow.devkit.llm.ScriptedLlmServer;
import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.devkit.s3.EmbeddedS3;
import io.botburrow.coordinator.webhooks.SecretSource;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole system on real parts, as {@code ./botburrow dev} runs it: redis-server, embedded S3 with the
 * fixture agents, the development Hub over HTTP, a coordinator, a runner and the scripted LLM.
 */
final class LocalSystem implements AutoCloseable {
  static final String LLM_KEY = "sk-scripted-test-key";
  static final String OPERATOR_KEY = "system-test-operator-key";
  final LocalRedis redis;
  final EmbeddedS3 s3;
  final ScriptedLlmServer llm;
  final DevHubServer hub;
  final ApplicationContext coordinator;
  final ApplicationContext runner;
  private final ClosingStack all = new ClosingStack(e -> { });

  LocalSystem(List<String> agents) throws Exception {
    this(agents, Map.of());
  }

  /** @param runnerExtra extra runner properties, e.g. enabling the Docker sandbox */
  LocalSystem(List<String> agents, Map<String, Object> runnerExtra) throws Exception {
    this(agents, runnerExtra, Map.of());
  }

  /** @param coordinatorSecrets secret variables the coordinator sees (webhook secrets) instead of its environment */
  LocalSystem(List<String> agents, Map<String, Object> runnerExtra, Map<String, String> coordinatorSecrets) throws Exception {
    this(agents, runnerExtra, coordinatorSecrets, Map.of());
  }

  /** @param coordinatorExtra extra coordinator properties, e.g. the Slack and Discord channels */
  LocalSystem(List<String> agents, Map<String, Object> runnerExtra, Map<String, String> coordinatorSecrets,
      Map<String, Object> coordinatorExtra) throws Exception {
    redis = add(LocalRedis.start());
    s3 = add(EmbeddedS3.startInMemory("test-access", "test-secret"));
    S3Properties s3Props = S3Properties.of(s3.endpoint(), "botburrow-agents", s3.accessKey(), s3.secretKey());
    try (S3Client client = S3ClientFactory.createClient(s3Props)) {
      new BucketUploader(client, s3Props.bucket()).upload(fixture());
    }
    llm = add(new ScriptedLlmServer().requireApiKey(LLM_KEY).start(0));
    List<String> seeds = new ArrayList<>(List.of("ron:human"));
    agents.forEach(a -> seeds.add(a + ":native"));
    hub = add(DevHubServer.start(Map.of("micronaut.server.port", -1, "botburrow.hub.seed-agents", seeds)));
    Map<String, Object> common = new HashMap<>();
    common.put("botburrow.hub.url", hub.baseUrl().toString());
    common.put("botburrow.hub.api-key", hub.adminKey());
    common.put("botburrow.redis.url", redis.url());
    common.put("botburrow.s3.endpoint", s3.endpoint().toString());
    common.put("botburrow.s3.bucket", s3Props.bucket());
    common.put("botburrow.s3.access-key", s3.accessKey());
    common.put("botburrow.s3.secret-key", s3.secretKey());
    common.put("micronaut.server.port", -1);
    common.put("botburrow.coordinator.repoll-delay", "50ms");
    Map<String, Object> coordinatorProps = new HashMap<>(common);
    coordinatorProps.put("botburrow.operator.key", OPERATOR_KEY);
    coordinatorProps.putAll(coordinatorExtra);
    coordinator = add(coordinatorSecrets.isEmpty()
        ? Services.start("coordinator", coordinatorProps)
        : startWithSecrets(coordinatorProps, coordinatorSecrets));
    Map<String, Object> runnerProps = new HashMap<>(common);
    runnerProps.put("botburrow.runner.pool", "hybrid");
    runnerProps.put("botburrow.runner.slots", 4);
    runnerProps.put("botburrow.llm.override-base-url", llm.baseUrl().toString());
    runnerProps.put("botburrow.llm.override-api-key", LLM_KEY);
    runnerProps.put("botburrow.sandbox.enabled", false);
    runnerProps.putAll(runnerExtra);
    runner = add(Services.start("runner", runnerProps));
  }

  private static ApplicationContext startWithSecrets(Map<String, Object> props, Map<String, String> secrets) {
    SecretSource source = name -> Optional.ofNullable(secrets.get(name));
    ApplicationContext ctx = ApplicationContext.builder().environments("coordinator").deduceEnvironment(false)
        .properties(props).singletons(source).start();
    EmbeddedServer server = ctx.getBean(EmbeddedServer.class);
    if (!server.isRunning()) {
      server.start();
    }
    return ctx;
  }

  /** Uploads a definitions folder (agents/, skills/) to the system's bucket. */
  void uploadDefinitions(Path folder) {
    S3Properties s3Props = S3Properties.of(s3.endpoint(), "botburrow-agents", s3.accessKey(), s3.secretKey());
    try (S3Client client = S3ClientFactory.createClient(s3Props)) {
      new BucketUploader(client, s3Props.bucket()).upload(folder);
    }
  }

  /** Uploads a definitions folder to the part of the bucket under {@code prefix} (a tenant's, e.g. {@code beta/}). */
  void uploadDefinitions(Path folder, String prefix) {
    S3Properties s3Props = S3Properties.of(s3.endpoint(), "botburrow-agents", s3.accessKey(), s3.secretKey());
    try (S3Client client = S3ClientFactory.createClient(s3Props)) {
      new BucketUploader(client, s3Props.bucket()).upload(folder, prefix);
    }
  }

  HubHttp hubHttp() {
    return new HubHttp(hub.baseUrl());
  }

  HubHttp runnerHttp() {
    return new HubHttp(URI.create(Services.url(runner)));
  }

  HubHttp coordinatorHttp() {
    return new HubHttp(URI.create(Services.url(coordinator)));
  }

  static Path fixture() throws URISyntaxException {
    return Path.of(LocalSystem.class.getResource("/fixture").toURI());
  }

  private <T extends AutoCloseable> T add(T c) {
    return all.push(c);
  }

  @Override
  public void close() {
    all.close();
  }
}
