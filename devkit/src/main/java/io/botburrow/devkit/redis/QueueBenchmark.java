package io.botburrow.devkit.redis;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Throughput of the activation queue on this machine: producers enqueue no-op activations across
 * many agents while runner slots claim and complete them. Prints
 * {@code queue-throughput: <N> activations/s (redis-benchmark baseline <M> requests/s)}, the
 * baseline measured against the same server in the same run.
 *
 * <p>Usage: {@code QueueBenchmark [--url=redis://host:port] [--agents=2000] [--slots=16]
 * [--producers=2] [--warmup=10] [--seconds=10] [--baseline-requests=200000]}. Without {@code --url} a local redis-server is
 * started. With {@code --url}, keys go under a fresh {@code bench:<n>:} prefix and are deleted
 * afterwards.
 */
public final class QueueBenchmark {
  /** Benchmark parameters. */
  public record Options(
      String url, int agents, int slots, int producers, Duration warmup, Duration duration, int baselineRequests) {
    public static final int DEFAULT_BASELINE_REQUESTS = 200_000;

    public Options {
      if (agents < 1 || slots < 1 || producers < 1 || baselineRequests < 1) {
        throw new IllegalArgumentException("agents, slots, producers and baseline requests must be positive");
      }
    }

    public Options withUrl(String value) {
      return new Options(value, agents, slots, producers, warmup, duration, baselineRequests);
    }

    public static Options parse(String... args) {
      String url = null;
      int agents = 2_000;
      int slots = 16;
      int producers = 2;
      int warmup = 10;
      int seconds = 10;
      int baselineRequests = DEFAULT_BASELINE_REQUESTS;
      for (String arg : args) {
        String[] pair = arg.replaceFirst("^--", "").split("=", 2);
        String value = pair.length == 2 ? pair[1] : "";
        switch (pair[0]) {
          case "url" -> url = value;
          case "agents" -> agents = Integer.parseInt(value);
          case "slots" -> slots = Integer.parseInt(value);
          case "producers" -> producers = Integer.parseInt(value);
          case "seconds" -> seconds = Integer.parseInt(value);
          case "warmup" -> warmup = Integer.parseInt(value);
          case "baseline-requests" -> baselineRequests = Integer.parseInt(value);
          default -> throw new IllegalArgumentException("unknown option " + arg);
        }
      }
      return new Options(
          url, agents, slots, producers, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), baselineRequests);
    }
  }

  /** What a run measured. */
  public record Result(double activationsPerSecond, OptionalDouble baselineRequestsPerSecond) {
    public String line() {
      String baseline =
          baselineRequestsPerSecond.isPresent() ? String.format("%.0f", baselineRequestsPerSecond.getAsDouble()) : "n/a";
      return String.format(
          "queue-throughput: %.0f activations/s (redis-benchmark baseline %s requests/s)", activationsPerSecond, baseline);
    }
  }

  private QueueBenchmark() {}

  public static void main(String[] args) {
    System.out.println(run(Options.parse(args), System.err).line());
  }

  /** Runs the benchmark; progress goes to {@code log}. */
  public static Result run(Options options, PrintStream log) {
    if (options.url() != null) {
      URI uri = URI.create(options.url());
      return measure(options, uri.getHost(), uri.getPort(), log);
    }
    try (LocalRedis redis = LocalRedis.start()) {
      return measure(options.withUrl(redis.url()), "127.0.0.1", redis.port(), log);
    }
  }

  private static Result measure(Options options, String host, int port, PrintStream log) {
    int requests = options.baselineRequests();
    log.println("redis-benchmark -q -t lpush,rpop -n " + requests + " against " + host + ":" + port);
    OptionalDouble baseline =
        RedisBaseline.available() ? RedisBaseline.measure(host, port, requests) : OptionalDouble.empty();
    log.printf("queue: %d agents, %d runner slots, %d producers, %d s warm-up, %d s measured%n",
        options.agents(), options.slots(), options.producers(), options.warmup().toSeconds(),
        options.duration().toSeconds());
    QueueDriver.Window measurement = new QueueLoad(options).run();
    log.printf("queue: %d activations in %.1f s, benchmark JVM CPU %.0f us per activation%n",
        measurement.activations(), measurement.seconds(), measurement.cpuMicrosPerActivation());
    return new Result(measurement.perSecond(), baseline);
  }
}
