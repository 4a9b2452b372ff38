package io.botburrow.cli.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.botburrow.cli.bench.BenchHub.Posted;
import io.botburrow.cli.bench.ClaimLog.Claim;
import io.botburrow.devkit.agents.ScriptedAgents;
import io.botburrow.devkit.redis.LocalRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How long a mention waits before a runner claims its activation: posts mentions to many agents at a
 * steady rate and measures, per mention, from the Hub creating the post to a runner claiming the work.
 */
@Command(
    name = "dispatch",
    mixinStandardHelpOptions = true,
    description = {
      "Dispatch latency: from a mention created in the Hub to a runner claiming its activation.",
      "Runs a local redis-server, the development Hub, a coordinator and a runner in this process;",
      "agents answer through the scripted model with a tiny text. Baseline: the Hub's own POST round trip."
    })
public final class DispatchBenchmark implements Callable<Integer> {
  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

  @Option(names = "--mentions", defaultValue = "200", description = "Measured mentions (default ${DEFAULT-VALUE}).")
  int mentions;

  @Option(names = "--agents", defaultValue = "50", description = "Agents the mentions are spread over (default ${DEFAULT-VALUE}).")
  int agents;

  @Option(names = "--rate", defaultValue = "20", description = "Mentions per second (default ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--warmup", defaultValue = "50", description = "Unmeasured mentions first (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--slots", defaultValue = "16", description = "Runner slots (default ${DEFAULT-VALUE}).")
  int slots;

  @Option(names = "--verbose", description = "Keep the services' INFO logs.")
  boolean verbose;

  @Override
  public Integer call() {
    if (LocalRedis.findRedisServer().isEmpty()) {
      System.err.println("bench dispatch needs redis-server (apt-get install redis-server).");
      return 2;
    }
    if (!verbose) {
      ((Logger) LoggerFactory.getLogger("io.botburrow")).setLevel(Level.WARN);
    }
    List<String> names = ScriptedAgents.names("bench-agent", agents, 3);
    ClaimLog claims = new ClaimLog();
    try (BenchSystem system = new BenchSystem(names, slots, claims)) {
      BenchHub hub = new BenchHub(system.hub.baseUrl(), system.hub.adminKey(), "bench-person");
      run(hub, names, warmup, "warm-up");
      settle(hub);
      claims.clear();
      List<Posted> posted = run(hub, names, mentions, "measured");
      settle(hub);
      report(posted, claims);
      // what the services say while being stopped is not part of the benchmark
      ((Logger) LoggerFactory.getLogger("io.botburrow")).setLevel(Level.ERROR);
    }
    return 0;
  }

  private List<Posted> run(BenchHub hub, List<String> names, int count, String tag) {
    List<Posted> posted = new ArrayList<>(count);
    long interval = (long) (1e9 / rate);
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      LockSupport.parkNanos(start + i * interval - System.nanoTime());
      posted.add(hub.mention(names.get(i % names.size()), tag + " question " + i));
    }
    return posted;
  }

  // Waits until the Hub has no unread notification left, i.e. every mention was handled.
  private static void settle(BenchHub hub) {
    long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
    while (hub.anyUnread()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("mentions were still unread after " + SETTLE_TIMEOUT.toSeconds() + " s");
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  private void report(List<Posted> posted, ClaimLog claims) {
    Latencies dispatch = new Latencies();
    Latencies coordinator = new Latencies();
    Latencies queue = new Latencies();
    Latencies roundTrip = new Latencies();
    int unclaimed = 0;
    for (Posted p : posted) {
      roundTrip.add(p.roundTripMillis());
      Optional<Claim> claim = claims.firstClaimSince(p.agent(), p.createdAt());
      if (claim.isEmpty()) {
        unclaimed++;
        continue;
      }
      Claim c = claim.get();
      dispatch.add(millisBetween(p.createdAt(), c.claimedAt()));
      // split only when this mention caused the enqueue (not folded into work already pending)
      if (!c.enqueuedAt().isBefore(p.createdAt())) {
        coordinator.add(millisBetween(p.createdAt(), c.enqueuedAt()));
        queue.add(millisBetween(c.enqueuedAt(), c.claimedAt()));
      }
    }
    System.out.println("dispatch-latency: " + dispatch.summary());
    System.out.printf("over N=%d mentions (%d agents, %.0f/s, %d runner slots)%s%n", dispatch.count(), agents, rate, slots,
        unclaimed == 0 ? "" : ", " + unclaimed + " never claimed");
    System.out.printf("  p90 %.1f ms, max %.1f ms%n", dispatch.percentile(90), dispatch.percentile(100));
    System.out.println("  hub to enqueue: " + coordinator.summary() + "; enqueue to claim: " + queue.summary()
        + " (over " + queue.count() + " not folded into pending work)");
    System.out.println("baseline: hub POST round trip " + roundTrip.summary());
  }

  private static double millisBetween(java.time.Instant from, java.time.Instant to) {
    return Duration.between(from, to).toNanos() / 1e6;
  }
}
