package io.botburrow.cli.bench;

import io.botburrow.activity.ActivityReport;
import io.botburrow.activity.AgentPhase;
import io.botburrow.activity.redis.RedisAgentActivity;
import io.botburrow.agents.AgentConfig;
import io.botburrow.agents.Brain;
import io.botburrow.agents.Capabilities;
import io.botburrow.agents.Discovery;
import io.botburrow.agents.memory.InMemoryAgentDefinitionStore;
import io.botburrow.coordinator.CoordinatorMetrics;
import io.botburrow.coordinator.CoordinatorProperties;
import io.botburrow.coordinator.DiscoveryPolicy;
import io.botburrow.coordinator.duties.StalenessScheduler;
import io.botburrow.hub.HubClient;
import io.botburrow.queue.QueueSettings;
import io.botburrow.queue.redis.RedisActivationQueue;
import io.botburrow.queue.redis.RedisQueueAdmin;
import io.botburrow.queue.redis.RedisQueueKeys;
import io.botburrow.redis.RedisProperties;
import io.botburrow.redis.RedissonFactory;
import io.botburrow.schedule.redis.RedisExplorationSchedule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The leader's exploration tick over many agents, against real Redis: every agent has a due time in
 * the exploration schedule, spread evenly over one quiet period (botburrow.exploration.min-staleness,
 * 900 s), one in ten rests after a recent activation, and definitions come from memory as the S3
 * store's cache serves them. Time is simulated: the check interval (5 s) passes between rounds, and a
 * round ticks until no full batch is left. Each tick is timed; so is a Redis round trip (PING), the
 * floor under any tick.
 */
final class ScheduleTickBenchmark {
  static final Duration QUIET = Duration.ofSeconds(900);
  static final Duration CHECK = Duration.ofSeconds(5);
  private static final int RESTING_EVERY = 10;
  // the JIT needs a while on a busy machine; measuring earlier measures the compiler
  private static final int WARMUP_ROUNDS = 40;
  private static final int LOAD_CHUNK = 10_000;

  /** What a run measured. */
  record Result(int agents, Latencies ticks, Latencies roundTrips, long enqueued) {
    String line() {
      return String.format(
          "schedule-tick: %d agents p99 %.1f ms (p50 %.1f ms over %d ticks; Redis round trip p99 %.2f ms)",
          agents, ticks.percentile(99), ticks.percentile(50), ticks.count(), roundTrips.percentile(99));
    }
  }

  private ScheduleTickBenchmark() {}

  static Result run(String redisUrl, int agents, int rounds, PrintStream log) {
    RedisProperties properties = RedisProperties.forUrl(redisUrl).withKeyPrefix("bench:" + System.nanoTime() + ":");
    RedissonClient client = RedissonFactory.createClient(properties);
    try {
      return measure(client, properties, agents, rounds, log);
    } finally {
      client.getKeys().deleteByPattern(properties.keyPrefix() + "*");
      client.shutdown();
    }
  }

  private static Result measure(RedissonClient client, RedisProperties properties, int agents, int rounds, PrintStream log) {
    SimClock clock = new SimClock(Instant.now());
    Instant start = clock.instant();
    RedisQueueKeys keys = new RedisQueueKeys(properties.keyPrefix());
    QueueSettings settings = properties.queueSettings();
    RedisActivationQueue queue = new RedisActivationQueue(client, keys, settings, clock);
    client.getBucket(keys.fencingCounter(), StringCodec.INSTANCE).set("1");
    RedisExplorationSchedule schedule = new RedisExplorationSchedule(client, properties.keyPrefix());
    RedisAgentActivity activity = new RedisAgentActivity(client, properties.keyPrefix());
    InMemoryAgentDefinitionStore definitions = new InMemoryAgentDefinitionStore();

    log.printf("schedule-tick: loading %d agents (due over %d s, one in %d resting)%n", agents, QUIET.toSeconds(),
        RESTING_EVERY);
    Map<String, Double> due = new HashMap<>();
    for (int i = 0; i < agents; i++) {
      String name = "agent-" + i;
      definitions.put(explorer(name));
      due.put(name, (double) start.plusMillis(QUIET.toMillis() * i / agents).toEpochMilli());
      if (i % RESTING_EVERY == 0) {
        activity.report(name, new ActivityReport(AgentPhase.COOLDOWN, "a-" + i, "bench-runner", start,
            start.plus(QUIET.multipliedBy(2))));
      }
      if (due.size() == LOAD_CHUNK || i == agents - 1) {
        client.<String>getScoredSortedSet(properties.keyPrefix() + "explore:due", StringCodec.INSTANCE).addAll(due);
        due.clear();
      }
    }

    CoordinatorProperties props = new CoordinatorProperties(Duration.ofSeconds(30), 100, Duration.ofSeconds(2),
        Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(30), CHECK, Duration.ofSeconds(10),
        Duration.ofSeconds(5));
    CoordinatorMetrics metrics =
        new CoordinatorMetrics(new SimpleMeterRegistry(), queue, new RedisQueueAdmin(client, keys, clock), "bench");
    StalenessScheduler scheduler = new StalenessScheduler(noStaleAgents(), queue, schedule,
        new DiscoveryPolicy(definitions), props, QUIET, metrics, activity, clock);

    log.printf("schedule-tick: %d rounds of %d s simulated time after %d unmeasured%n", rounds, CHECK.toSeconds(),
        WARMUP_ROUNDS);
    Latencies ticks = new Latencies();
    Latencies roundTrips = new Latencies();
    for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
      clock.advance(CHECK);
      Duration pause;
      do {
        long t0 = System.nanoTime();
        pause = scheduler.tick(1);
        if (round >= 0) {
          ticks.add((System.nanoTime() - t0) / 1e6);
        }
      } while (pause.isZero());
      long t0 = System.nanoTime();
      client.getKeys().count();
      if (round >= 0) {
        roundTrips.add((System.nanoTime() - t0) / 1e6);
      }
    }
    long enqueued = queue.depth(io.botburrow.activation.ActivationKind.EXPLORATION);
    log.printf("schedule-tick: %d explorations enqueued, %d agents still scheduled%n", enqueued, schedule.size());
    return new Result(agents, ticks, roundTrips, enqueued);
  }

  private static AgentConfig explorer(String name) {
    AgentConfig c = AgentConfig.of(name, "native", Brain.of("m"), Capabilities.grants("hub:read"));
    return c.withBehavior(c.behavior().withDiscovery(new Discovery(true, "staleness", false, false, 0.7)));
  }

  /** The registry sync has put every agent in the schedule already: the Hub's stale listing adds none. */
  private static HubClient noStaleAgents() {
    return (HubClient) Proxy.newProxyInstance(HubClient.class.getClassLoader(), new Class<?>[] {HubClient.class},
        (proxy, method, args) -> {
          if (method.getName().equals("staleAgents")) {
            return List.of();
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }

  /** Simulated time: stands still except when the benchmark moves it. */
  private static final class SimClock extends Clock {
    private volatile Instant now;

    SimClock(Instant start) {
      now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
