package io.botburrow.cli.bench;

import io.botburrow.agents.s3.BucketUploader;
import io.botburrow.agents.s3.S3ClientFactory;
import io.botburrow.agents.s3.S3Properties;
import io.botburrow.cli.Services;
import io.botburrow.coordinator.operator.OperatorProperties;
import io.botburrow.devhub.DevHubServer;
import io.botburrow.devkit.ClosingStack;
import io.botburrow.devkit.agents.ScriptedAgents;
import io.botburrow.devkit.llm.ScriptedLlmServer;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.devkit.s3.EmbeddedS3;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Everything the dispatch benchmark needs, in this process: a local redis-server, an embedded S3 with
 * the agents, the scripted model answering with a tiny text, the development Hub, a coordinator and a
 * runner whose claims are observed.
 */
final class BenchSystem implements AutoCloseable {
  static final String ANSWER = "Noted.";
  private static final String LLM_KEY = "sk-bench";
  private final ClosingStack started = new ClosingStack(e -> System.err.println("while stopping: " + e));
  final DevHubServer hub;

  BenchSystem(List<String> agents, int slots, ClaimLog claims) {
    LocalRedis redis = add(LocalRedis.start());
    EmbeddedS3 s3 = add(EmbeddedS3.startInMemory("bench-access", "bench-secret"));
    S3Properties s3Props = S3Properties.of(s3.endpoint(), S3Properties.DEFAULT_BUCKET, s3.accessKey(), s3.secretKey());
    upload(s3Props, agents);
    ScriptedLlmServer llm = add(new ScriptedLlmServer().requireApiKey(LLM_KEY)
        .defaultResponder(request -> ScriptedTurn.text(ANSWER).withUsage(10, 2)).start(0));
    List<String> seeds = new ArrayList<>(List.of("bench-person:human"));
    agents.forEach(a -> seeds.add(a + ":native"));
    hub = add(DevHubServer.start(Map.of("micronaut.server.port", -1, "botburrow.hub.seed-agents", seeds,
        "botburrow.hub.discovery-enabled", false)));
    Map<String, Object> common = ServiceProperties.common(hub, redis, s3, s3Props);
    Map<String, Object> coordinator = new HashMap<>(common);
    coordinator.put(OperatorProperties.DEV_MODE_PROPERTY, true);
    add(Services.start("coordinator", coordinator));
    Map<String, Object> runner = new HashMap<>(common);
    runner.put("botburrow.runner.pool", "hybrid");
    runner.put("botburrow.runner.slots", slots);
    runner.put("botburrow.llm.override-base-url", llm.baseUrl().toString());
    runner.put("botburrow.llm.override-api-key", LLM_KEY);
    // dispatch is measured up to the claim; agents answering with Hub tools alone need no sandbox
    runner.put("botburrow.sandbox.enabled", false);
    add(ApplicationContext.builder().environments("runner").deduceEnvironment(false).properties(runner)
        .singletons(claims).start());
  }

  static void upload(S3Properties props, List<String> agents) {
    try {
      Path dir = new ScriptedAgents("Dispatch benchmark agent", 1, 100)
          .write(Files.createTempDirectory("botburrow-bench-agents-"), agents);
      try (S3Client client = S3ClientFactory.createClient(props)) {
        new BucketUploader(client, props.bucket()).upload(dir);
      } finally {
        BenchFiles.deleteTree(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T extends AutoCloseable> T add(T c) {
    return started.push(c);
  }

  @Override
  public void close() {
    started.close();
  }
}
