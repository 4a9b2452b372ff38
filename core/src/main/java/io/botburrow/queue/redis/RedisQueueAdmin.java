package io.botburrow.queue.redis;

import io.botburrow.activation.ActivationId;
import io.botburrow.activation.ActivationKind;
import io.botburrow.queue.DeadLetter;
import io.botburrow.queue.OpenCircuit;
import io.botburrow.queue.QueueAdmin;
import io.botburrow.queue.QueueCounters;
import io.botburrow.queue.RunningLease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redisson.api.RScript.ReturnType;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** Operator view of the Redis activation queue. */
public final class RedisQueueAdmin implements QueueAdmin {
  private final QueueRedis redis;

  public RedisQueueAdmin(RedissonClient client, RedisQueueKeys keys, Clock clock) {
    this.redis = new QueueRedis(client, keys, clock);
  }

  @Override
  public long depth(ActivationKind kind) {
    return redis.depth(kind);
  }

  @Override
  public Optional<Duration> oldestAge(ActivationKind kind) {
    return redis.oldestAge(kind);
  }

  @Override
  public List<RunningLease> runningLeases() {
    List<Object> flat = redis.eval("running leases", redis.scripts().running(), ReturnType.MULTI);
    List<RunningLease> leases = new ArrayList<>(flat.size() / 4);
    for (int i = 0; i + 3 < flat.size(); i += 4) {
      String json = (String) flat.get(i + 1);
      String owner = (String) flat.get(i + 2);
      if (json.isEmpty()) {
        continue;
      }
      var activation = ActivationJson.read(json);
      leases.add(
          new RunningLease(
              activation.queueKey(),
              activation.id(),
              activation.kind(),
              owner.substring(0, Math.max(0, owner.lastIndexOf('|'))),
              activation.attempt(),
              Instant.ofEpochMilli(millis(flat.get(i + 3)))));
    }
    return leases;
  }

  @Override
  public List<DeadLetter> deadLetters(int limit) {
    if (limit <= 0) {
      return List.of();
    }
    List<Object> flat = redis.eval("dead letters", redis.scripts().dead(), ReturnType.MULTI, limit);
    List<DeadLetter> dead = new ArrayList<>(flat.size() / 3);
    for (int i = 0; i + 2 < flat.size(); i += 3) {
      String json = (String) flat.get(i);
      if (!json.isEmpty()) {
        dead.add(
            new DeadLetter(
                ActivationJson.read(json), (String) flat.get(i + 1), Instant.ofEpochMilli(millis(flat.get(i + 2)))));
      }
    }
    return dead;
  }

  @Override
  public boolean requeueDeadLetter(ActivationId id) {
    Long requeued = redis.eval("requeue dead letter", redis.scripts().requeue(), ReturnType.INTEGER, id.value());
    return requeued == 1;
  }

  @Override
  public List<OpenCircuit> openCircuits() {
    List<Object> flat = redis.eval("open circuits", redis.scripts().circuits(), ReturnType.MULTI);
    List<OpenCircuit> open = new ArrayList<>(flat.size() / 3);
    for (int i = 0; i + 2 < flat.size(); i += 3) {
      open.add(
          new OpenCircuit(
              (String) flat.get(i),
              (int) millis(flat.get(i + 1)),
              Instant.ofEpochMilli(millis(flat.get(i + 2)))));
    }
    return open;
  }

  @Override
  public boolean resetCircuit(String agent) {
    Long reset = redis.eval("reset circuit", redis.scripts().resetCircuit(), ReturnType.INTEGER, agent);
    return reset == 1;
  }

  @Override
  public QueueCounters counters() {
    Map<String, String> stats =
        RedisFailures.translate(
            "counters",
            () -> redis.client().<String, String>getMap(redis.keys().stats(), StringCodec.INSTANCE).readAllMap());
    return new QueueCounters(
        count(stats, "redeliveries"), count(stats, "lease_expirations"), count(stats, "dead_letters"));
  }

  private static long count(Map<String, String> stats, String name) {
    return Long.parseLong(stats.getOrDefault(name, "0"));
  }

  // Redis formats scores as doubles ("1.7637e+12" never happens for integral values, but be lenient).
  private static long millis(Object value) {
    return value instanceof Number number ? number.longValue() : (long) Double.parseDouble((String) value);
  }
}
