package io.botburrow.activity.redis;

import io.botburrow.activation.RunnerPool;
import io.botburrow.activity.ActivityReport;
import io.botburrow.activity.AgentActivity;
import io.botburrow.activity.AgentPhase;
import io.botburrow.queue.QueueUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * {@link AgentActivity} as a small hash per agent ({@code agent-activity:<agent>}: phase, activation,
 * runner, at, until; kept a day) and one hash of pool → last alive (epoch ms, {@code runner-pools}).
 */
public final class RedisAgentActivity implements AgentActivity {
  private static final Duration KEEP = Duration.ofDays(1);
  private static final String REPORT = """
      redis.call('HSET', KEYS[1], 'phase', ARGV[1], 'activation', ARGV[2], 'runner', ARGV[3], 'at', ARGV[4], 'until', ARGV[5])
      redis.call('PEXPIRE', KEYS[1], ARGV[6])
      return 1
      """;
  private final RedissonClient redis;
  private final String prefix;
  private final String poolsKey;

  public RedisAgentActivity(RedissonClient redis, String keyPrefix) {
    this.redis = redis;
    this.prefix = keyPrefix + "agent-activity:";
    this.poolsKey = keyPrefix + "runner-pools";
  }

  @Override
  public void report(String agent, ActivityReport r) {
    try {
      redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, REPORT, RScript.ReturnType.INTEGER,
          List.of(prefix + agent), r.phase().wireName(), r.activationId(), r.runnerId(),
          Long.toString(r.at().toEpochMilli()), Long.toString(r.until().toEpochMilli()), Long.toString(KEEP.toMillis()));
    } catch (RedisException e) {
      throw new QueueUnavailableException("Redis unavailable while reporting agent activity: " + io.botburrow.redis.RedisErrors.describe(e), e);
    }
  }

  @Override
  public Optional<ActivityReport> current(String agent) {
    Map<String, String> h;
    try {
      h = redis.<String, String>getMap(prefix + agent, StringCodec.INSTANCE).readAllMap();
    } catch (RedisException e) {
      throw new QueueUnavailableException("Redis unavailable while reading agent activity: " + io.botburrow.redis.RedisErrors.describe(e), e);
    }
    return parse(h);
  }

  /** One round trip for all of {@code agents} (a pipeline of reads). */
  @Override
  public Map<String, ActivityReport> current(Collection<String> agents) {
    Map<String, ActivityReport> out = new HashMap<>();
    if (agents.isEmpty()) {
      return out;
    }
    Map<String, RFuture<Map<String, String>>> reads = new LinkedHashMap<>();
    try {
      RBatch batch = redis.createBatch();
      for (String agent : agents) {
        reads.put(agent, batch.<String, String>getMap(prefix + agent, StringCodec.INSTANCE).readAllMapAsync());
      }
      batch.execute();
    } catch (RedisException e) {
      throw new QueueUnavailableException("Redis unavailable while reading agent activity: " + io.botburrow.redis.RedisErrors.describe(e), e);
    }
    reads.forEach((agent, read) -> parse(read.toCompletableFuture().join()).ifPresent(r -> out.put(agent, r)));
    return out;
  }

  private static Optional<ActivityReport> parse(Map<String, String> h) {
    if (h.isEmpty() || h.get("phase") == null) {
      return Optional.empty();
    }
    return Optional.of(new ActivityReport(AgentPhase.fromWire(h.get("phase")), h.getOrDefault("activation", ""),
        h.getOrDefault("runner", ""), Instant.ofEpochMilli(Long.parseLong(h.getOrDefault("at", "0"))),
        Instant.ofEpochMilli(Long.parseLong(h.getOrDefault("until", "0")))));
  }

  @Override
  public void poolAlive(RunnerPool pool, Instant at) {
    try {
      redis.<String, String>getMap(poolsKey, StringCodec.INSTANCE).fastPut(pool.name(), Long.toString(at.toEpochMilli()));
    } catch (RedisException e) {
      throw new QueueUnavailableException("Redis unavailable while reporting a runner pool: " + io.botburrow.redis.RedisErrors.describe(e), e);
    }
  }

  @Override
  public Map<RunnerPool, Instant> poolsAlive() {
    Map<String, String> h;
    try {
      h = redis.<String, String>getMap(poolsKey, StringCodec.INSTANCE).readAllMap();
    } catch (RedisException e) {
      throw new QueueUnavailableException("Redis unavailable while reading runner pools: " + io.botburrow.redis.RedisErrors.describe(e), e);
    }
    Map<RunnerPool, Instant> out = new EnumMap<>(RunnerPool.class);
    h.forEach((pool, ms) -> {
      try {
        out.put(RunnerPool.valueOf(pool), Instant.ofEpochMilli(Long.parseLong(ms)));
      } catch (IllegalArgumentException ignored) {
        // a pool this version does not know
      }
    });
    return out;
  }
}
