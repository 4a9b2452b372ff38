package io.botburrow.runner.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import io.botburrow.runner.sandbox.ExecResult;
import io.botburrow.runner.sandbox.Sandbox;
import io.botburrow.runner.sandbox.SandboxEvents;
import io.botburrow.runner.sandbox.SandboxLimits;
import io.botburrow.runner.sandbox.SandboxRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Measures time until a command can run in a sandbox (acquire + first exec of {@code true}): warm from
 * the pool, cold (create + start), and {@code docker run --rm IMAGE true} as the baseline, all in the
 * same run. Prints {@code sandbox-ready: warm p50 A ms, cold p50 B ms, docker-run baseline p50 C ms}.
 *
 * <p>Usage: {@code SandboxBenchmark [image] [samples]}; defaults {@value #DEFAULT_IMAGE} and 20.
 */
public final class SandboxBenchmark {
  public static final String DEFAULT_IMAGE = "botburrow/agent-sandbox:latest";
  public static final int DEFAULT_SAMPLES = 20;
  private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(30);
  private static final long POOL_WAIT_MILLIS = 60_000;
  private static final int POOL_SIZE = 2;

  /** Median milliseconds of each mode. */
  public record Result(long warmP50, long coldP50, long dockerRunP50, int samples) {
    public String line() {
      return "sandbox-ready: warm p50 " + warmP50 + " ms, cold p50 " + coldP50 + " ms, docker-run baseline p50 "
          + dockerRunP50 + " ms";
    }
  }

  private final DockerClient docker;
  private final String image;
  private final int samples;
  private final String runnerId = "bench-" + UUID.randomUUID().toString().substring(0, 8);

  public SandboxBenchmark(DockerClient docker, String image, int samples) {
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be >= 1");
    }
    this.docker = docker;
    this.image = image;
    this.samples = samples;
  }

  public static void main(String[] args) throws Exception {
    String image = args.length > 0 ? args[0] : DEFAULT_IMAGE;
    int samples = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_SAMPLES;
    System.out.println(new SandboxBenchmark(DockerClients.create(null), image, samples).run().line());
  }

  /** Runs the three series one after the other (not interleaved, so they do not slow each other). */
  public Result run() throws IOException, InterruptedException {
    try {
      long warm = median(warmSeries());
      long cold = median(coldSeries());
      long baseline = median(dockerRunSeries());
      return new Result(warm, cold, baseline, samples);
    } finally {
      new SandboxReaper(docker, new OrphanPolicy("none", runner -> !runner.equals(runnerId)), id -> false,
          Clock.systemUTC(), SandboxEvents.NONE).reapOnce();
    }
  }

  private List<Long> warmSeries() throws InterruptedException {
    DockerSandboxConfig config = DockerSandboxConfig.defaults(runnerId).withWarmPool(Map.of(image, POOL_SIZE));
    try (DockerSandboxes sandboxes = new DockerSandboxes(docker, config, Clock.systemUTC(), SandboxEvents.NONE)) {
      sandboxes.start();
      List<Long> times = new ArrayList<>();
      for (int i = 0; i < samples; i++) {
        awaitWarm(sandboxes);
        times.add(timeReady(sandboxes));
      }
      return times;
    }
  }

  private List<Long> coldSeries() {
    try (DockerSandboxes sandboxes = new DockerSandboxes(docker, DockerSandboxConfig.defaults(runnerId),
        Clock.systemUTC(), SandboxEvents.NONE)) {
      List<Long> times = new ArrayList<>();
      for (int i = 0; i < samples; i++) {
        times.add(timeReady(sandboxes));
      }
      return times;
    }
  }

  /** Acquire plus first command; closing is not timed. */
  private long timeReady(DockerSandboxes sandboxes) {
    long started = System.nanoTime();
    Sandbox sandbox = sandboxes.acquire(new SandboxRequest("bench-" + System.nanoTime(), "bench", image,
        SandboxLimits.defaults(), Instant.now().plusSeconds(600)));
    try {
      ExecResult result = sandbox.exec(List.of("true"), EXEC_TIMEOUT, 1024);
      long millis = (System.nanoTime() - started) / 1_000_000;
      if (!result.succeeded()) {
        throw new IllegalStateException("`true` failed in the sandbox: " + result);
      }
      return millis;
    } finally {
      sandbox.close();
    }
  }

  /** Waits for a full pool, so no refill competes with the sample for the CPU. */
  private void awaitWarm(DockerSandboxes sandboxes) throws InterruptedException {
    long deadline = System.currentTimeMillis() + POOL_WAIT_MILLIS;
    while (sandboxes.idleCount(image) < POOL_SIZE) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("warm pool of " + image + " did not fill in " + POOL_WAIT_MILLIS + " ms");
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  private List<Long> dockerRunSeries() throws IOException, InterruptedException {
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      long started = System.nanoTime();
      Process process = new ProcessBuilder("docker", "run", "--rm", image, "true")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException("docker run --rm " + image + " true failed");
      }
      times.add((System.nanoTime() - started) / 1_000_000);
    }
    return times;
  }

  static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
