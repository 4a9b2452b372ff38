package io.botburrow.cli.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.botburrow.agents.s3.BucketUploader;
import io.botburrow.agents.s3.S3ClientFactory;
import io.botburrow.agents.s3.S3Properties;
import io.botburrow.cli.Services;
import io.botburrow.coordinator.operator.OperatorProperties;
import io.botburrow.devhub.DevHubServer;
import io.botburrow.devkit.ClosingStack;
import io.botburrow.devkit.llm.RecordedRequest;
import io.botburrow.devkit.llm.ScriptedLlmServer;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.devkit.s3.EmbeddedS3;
import io.botburrow.runner.sandbox.docker.DockerSandboxes;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * How soon an executor is working: from a runner claiming an activation to the executor's first
 * model request reaching the (scripted) model, for a claude-code agent with a warm sandbox waiting,
 * with none (cold), and for a native agent beside them.
 */
@Command(
    name = "executor",
    mixinStandardHelpOptions = true,
    description = {
      "Executor readiness: from the claim of an activation to the executor's first model request.",
      "claude-code with a warm sandbox, without one (cold), and the native loop as the baseline. Runs a local",
      "redis-server, embedded S3, the development Hub, a coordinator and a runner in this process, with the",
      "Docker engine and the botburrow/claude-code image (sandbox-images/build.sh claude-code)."
    })
public final class ExecutorBenchmark implements Callable<Integer> {
  private static final String LLM_KEY = "sk-bench";
  private static final Duration ACTIVATION_TIMEOUT = Duration.ofSeconds(120);
  private static final String CLI_AGENT = "bench-cli";
  private static final String NATIVE_AGENT = "bench-native";

  @Option(names = "--activations", defaultValue = "10", description = "Measured activations per case (default ${DEFAULT-VALUE}).")
  int activations;

  @Option(names = "--warmup", defaultValue = "2", description = "Unmeasured activations per case first (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--image", defaultValue = "botburrow/claude-code:latest", description = "The claude-code image (default ${DEFAULT-VALUE}).")
  String image;

  @Option(names = "--verbose", description = "Keep the services' INFO logs.")
  boolean verbose;

  private final ClosingStack started = new ClosingStack(e -> System.err.println("while stopping: " + e));
  private ScriptedLlmServer llm;
  private BenchHub hub;
  private Map<String, Object> common;
  private int sequence;

  @Override
  public Integer call() throws Exception {
    if (LocalRedis.findRedisServer().isEmpty()) {
      System.err.println("bench executor needs redis-server (apt-get install redis-server).");
      return 2;
    }
    if (!imagePresent(image)) {
      System.err.println("bench executor needs the Docker engine and the image " + image
          + " (scripts/ensure-services.sh docker; sandbox-images/build.sh claude-code).");
      return 2;
    }
    if (!verbose) {
      ((Logger) LoggerFactory.getLogger("io.botburrow")).setLevel(Level.WARN);
    }
    try (started) {
      startServices();
      Latencies warm;
      Latencies nativeLoop;
      try (Runner runner = runner(1)) {
        runner.awaitWarm(image);
        nativeLoop = measure(runner, NATIVE_AGENT, false);
        warm = measure(runner, CLI_AGENT, true);
      }
      Latencies cold;
      try (Runner runner = runner(0)) {
        cold = measure(runner, CLI_AGENT, false);
      }
      ((Logger) LoggerFactory.getLogger("io.botburrow")).setLevel(Level.ERROR);
      System.out.println("claude-code warm: " + warm.summary() + " over " + warm.count() + " activations");
      System.out.println("claude-code cold: " + cold.summary() + " over " + cold.count() + " activations");
      System.out.println("native (baseline): " + nativeLoop.summary() + " over " + nativeLoop.count() + " activations");
      System.out.printf("executor-ready: claude-code warm p50 %.0f ms, cold p50 %.0f ms; native p50 %.0f ms%n",
          warm.percentile(50), cold.percentile(50), nativeLoop.percentile(50));
    }
    return 0;
  }

  private void startServices() {
    LocalRedis redis = started.push(LocalRedis.start());
    EmbeddedS3 s3 = started.push(EmbeddedS3.startInMemory("bench-access", "bench-secret"));
    S3Properties s3Props = S3Properties.of(s3.endpoint(), S3Properties.DEFAULT_BUCKET, s3.accessKey(), s3.secretKey());
    upload(s3Props);
    llm = started.push(new ScriptedLlmServer().requireApiKey(LLM_KEY)
        .defaultResponder(request -> ScriptedTurn.text("Noted.").withUsage(10, 2)).start(0));
    DevHubServer devHub = started.push(DevHubServer.start(Map.of("micronaut.server.port", -1,
        "botburrow.hub.seed-agents", List.of("bench-person:human", CLI_AGENT + ":native", NATIVE_AGENT + ":native"),
        "botburrow.hub.discovery-enabled", false)));
    hub = new BenchHub(devHub.baseUrl(), devHub.adminKey(), "bench-person");
    common = new HashMap<>();
    common.put("botburrow.hub.url", devHub.baseUrl().toString());
    common.put("botburrow.hub.api-key", devHub.adminKey());
    common.put("botburrow.redis.url", redis.url());
    common.put("botburrow.s3.endpoint", s3.endpoint().toString());
    common.put("botburrow.s3.bucket", s3Props.bucket());
    common.put("botburrow.s3.access-key", s3.accessKey());
    common.put("botburrow.s3.secret-key", s3.secretKey());
    common.put("micronaut.server.port", -1);
    common.put("botburrow.coordinator.repoll-delay", "50ms");
    Map<String, Object> coordinator = new HashMap<>(common);
    coordinator.put(OperatorProperties.DEV_MODE_PROPERTY, true);
    started.push(Services.start("coordinator", coordinator));
  }

  /** A runner with {@code warmCli} claude-code sandboxes kept warm and no warm plain sandboxes. */
  private Runner runner(int warmCli) {
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
    return new Runner(context, claims);
  }

  private record Runner(ApplicationContext context, ClaimLog claims) implements AutoCloseable {
    /** Waits until the warm pool holds a container of {@code image} (a refill runs after each hand-out). */
    void awaitWarm(String image) {
      DockerSandboxes sandboxes = context.getBean(DockerSandboxes.class);
      long deadline = System.nanoTime() + ACTIVATION_TIMEOUT.toNanos();
      while (sandboxes.idleCount(image) < 1) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no warm " + image + " sandbox after " + ACTIVATION_TIMEOUT.toSeconds() + " s");
        }
        LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
      }
    }

    @Override
    public void close() {
      context.close();
    }
  }

  /** Sequential activations of {@code agent}: claim to first model request of each. */
  private Latencies measure(Runner runner, String agent, boolean warm) {
    Latencies ready = new Latencies();
    for (int i = 0; i < warmup + activations; i++) {
      if (warm) {
        runner.awaitWarm(image);
      }
      String marker = "(bench " + (++sequence) + ")";
      BenchHub.Posted posted = hub.mention(agent, "are you there? " + marker);
      RecordedRequest first = awaitFirstRequest(marker);
      ClaimLog.Claim claim = runner.claims().firstClaimSince(agent, posted.createdAt())
          .orElseThrow(() -> new IllegalStateException("a model request came before any claim of " + agent));
      settle();
      if (i >= warmup) {
        ready.add(Duration.between(claim.claimedAt(), first.receivedAt()).toNanos() / 1e6);
      }
    }
    return ready;
  }

  private RecordedRequest awaitFirstRequest(String marker) {
    long deadline = System.nanoTime() + ACTIVATION_TIMEOUT.toNanos();
    while (true) {
      var requests = llm.requestsContaining(marker);
      if (!requests.isEmpty()) {
        return requests.stream().min(java.util.Comparator.comparing(RecordedRequest::receivedAt)).orElseThrow();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no model request for " + marker + " after " + ACTIVATION_TIMEOUT.toSeconds() + " s");
      }
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
  }

  /** Waits until the mention was answered (no unread notification left). */
  private void settle() {
    long deadline = System.nanoTime() + ACTIVATION_TIMEOUT.toNanos();
    while (hub.anyUnread()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("a mention was still unread after " + ACTIVATION_TIMEOUT.toSeconds() + " s");
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }

  private static void upload(S3Properties props) {
    try {
      Path dir = Files.createTempDirectory("botburrow-bench-executor-");
      write(dir, CLI_AGENT, "claude-code");
      write(dir, NATIVE_AGENT, "native");
      try (S3Client client = S3ClientFactory.createClient(props)) {
        new BucketUploader(client, props.bucket()).upload(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path root, String name, String type) throws IOException {
    Path dir = root.resolve("agents").resolve(name);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("config.yaml"), """
        name: %s
        type: %s
        description: Executor benchmark agent
        brain: {provider: anthropic, model: claude-sonnet-4-20250514, max_tokens: 1000}
        capabilities: {grants: [hub:read, hub:write]}
        behavior: {max_iterations: 2}
        """.formatted(name, type));
    Files.writeString(dir.resolve("system-prompt.md"), "You are " + name + ". Answer in one line.");
  }

  private static boolean imagePresent(String image) {
    try {
      Process p = new ProcessBuilder("docker", "image", "inspect", image).redirectErrorStream(true).start();
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
