package io.botburrow.cli.bench;

import io.botburrow.agents.s3.S3Properties;
import io.botburrow.cli.Services;
import io.botburrow.coordinator.operator.OperatorProperties;
import io.botburrow.devhub.DevHubServer;
import io.botburrow.devkit.ClosingStack;
import io.botburrow.devkit.llm.ScriptedLlmServer;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.devkit.s3.EmbeddedS3;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the executor benchmark runs in this process besides its runners: a local redis-server, an embedded
 * S3 with the two agents, the scripted model, the development Hub and a coordinator.
 */
final class ExecutorServices {
  private static final String LLM_KEY = "sk-bench";

  final ScriptedLlmServer llm;
  final BenchHub hub;
  private final Map<String, Object> common;

  private ExecutorServices(ScriptedLlmServer llm, BenchHub hub, Map<String, Object> common) {
    this.llm = llm;
    this.hub = hub;
    this.common = common;
  }

  /** Starts them all, each pushed on {@code started} to be stopped with it. */
  static ExecutorServices start(ClosingStack started) {
    LocalRedis redis = started.push(LocalRedis.start());
    EmbeddedS3 s3 = started.push(EmbeddedS3.startInMemory("bench-access", "bench-secret"));
    S3Properties s3Props = S3Properties.of(s3.endpoint(), S3Properties.DEFAULT_BUCKET, s3.accessKey(), s3.secretKey());
    ExecutorAgents.upload(s3Props);
    ScriptedLlmServer llm = started.push(new ScriptedLlmServer().requireApiKey(LLM_KEY)
        .defaultResponder(request -> ScriptedTurn.text("Noted.").withUsage(10, 2)).start(0));
    DevHubServer devHub = started.push(DevHubServer.start(Map.of("micronaut.server.port", -1,
        "botburrow.hub.seed-agents", List.of("bench-person:human", ExecutorAgents.CLI_AGENT + ":native",
            ExecutorAgents.NATIVE_AGENT + ":native"),
        "botburrow.hub.discovery-enabled", false)));
    BenchHub hub = new BenchHub(devHub.baseUrl(), devHub.adminKey(), "bench-person");
    Map<String, Object> common = ServiceProperties.common(devHub, redis, s3, s3Props);
    common.put("botburrow.coordinator.repoll-delay", "50ms");
    Map<String, Object> coordinator = new HashMap<>(common);
    coordinator.put(OperatorProperties.DEV_MODE_PROPERTY, true);
    started.push(Services.start("coordinator", coordinator));
    return new ExecutorServices(llm, hub, common);
  }

  /** A runner with {@code warmCli} claude-code sandboxes of {@code image} kept warm and no warm plain sandboxes. */
  ExecutorRunner runner(int warmCli, String image) {
    ClaimLog claims = new ClaimLog();
    Map<String, Object> props = new HashMap<>(common);
    props.put("botburrow.runner.pool", "hybrid");
    props.put("botburrow.runner.slots", 2);
    props.put("botburrow.llm.override-base-url", llm.baseUrl().toString());
    props.put("botburrow.llm.override-api-key", LLM_KEY);
    props.put("botburrow.sandbox.enabled", true);
    props.put("botburrow.sandbox.pool-size", 0);
    props.put("botburrow.executor.claude-code-image", image);
    props.put("botburrow.executor.claude-code-pool-size", warmCli);
    ApplicationContext context = ApplicationContext.builder().environments("runner").deduceEnvironment(false)
        .properties(props).singletons(claims).start();
    return new ExecutorRunner(context, claims);
  }
}
