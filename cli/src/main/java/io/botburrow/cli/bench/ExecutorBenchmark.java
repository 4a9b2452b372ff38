package io.botburrow.cli.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.botburrow.devkit.ClosingStack;
import io.botburrow.devkit.llm.RecordedRequest;
import io.botburrow.devkit.redis.LocalRedis;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
  static final Duration ACTIVATION_TIMEOUT = Duration.ofSeconds(120);

  @Option(names = "--activations", defaultValue = "10", description = "Measured activations per case (default ${DEFAULT-VALUE}).")
  int activations;

  @Option(names = "--warmup", defaultValue = "2", description = "Unmeasured activations per case first (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--image", defaultValue = "botburrow/claude-code:latest", description = "The claude-code image (default ${DEFAULT-VALUE}).")
  String image;

  @Option(names = "--verbose", description = "Keep the services' INFO logs.")
  boolean verbose;

  private final ClosingStack started = new ClosingStack(e -> System.err.println("while stopping: " + e));
  private ExecutorServices services;
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
      services = ExecutorServices.start(started);
      Latencies warm;
      Latencies nativeLoop;
      try (ExecutorRunner runner = services.runner(1, image)) {
        runner.awaitWarm(image);
        nativeLoop = measure(runner, ExecutorAgents.NATIVE_AGENT, false);
        warm = measure(runner, ExecutorAgents.CLI_AGENT, true);
      }
      Latencies cold;
      try (ExecutorRunner runner = services.runner(0, image)) {
        cold = measure(runner, ExecutorAgents.CLI_AGENT, false);
      }
      print(warm, cold, nativeLoop);
    }
    return 0;
  }

  private static void print(Latencies warm, Latencies cold, Latencies nativeLoop) {
    ((Logger) LoggerFactory.getLogger("io.botburrow")).setLevel(Level.ERROR);
    System.out.println("claude-code warm: " + warm.summary() + " over " + warm.count() + " activations");
    System.out.println("claude-code cold: " + cold.summary() + " over " + cold.count() + " activations");
    System.out.println("native (baseline): " + nativeLoop.summary() + " over " + nativeLoop.count() + " activations");
    System.out.printf("executor-ready: claude-code warm p50 %.0f ms, cold p50 %.0f ms; native p50 %.0f ms%n",
        warm.percentile(50), cold.percentile(50), nativeLoop.percentile(50));
  }

  /** Sequential activations of {@code agent}: claim to first model request of each. */
  private Latencies measure(ExecutorRunner runner, String agent, boolean warm) {
    Latencies ready = new Latencies();
    for (int i = 0; i < warmup + activations; i++) {
      if (warm) {
        runner.awaitWarm(image);
      }
      String marker = "(bench " + (++sequence) + ")";
      BenchHub.Posted posted = services.hub.mention(agent, "are you there? " + marker);
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
      var requests = services.llm.requestsContaining(marker);
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
    while (services.hub.anyUnread()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("a mention was still unread after " + ACTIVATION_TIMEOUT.toSeconds() + " s");
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
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
