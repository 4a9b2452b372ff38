package io.botburrow.queue.redis;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationId;
import io.botburrow.activation.ActivationKind;
import io.botburrow.queue.DeadLetter;
import io.botburrow.queue.OpenCircuit;
import io.botburrow.queue.QueueAdmin;
import io.botburrow.queue.QueueCounters;
import io.botburrow.queue.RunningLease;
import io.botburrow.queue.redis.QueueShardSet.Shard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The operator view of the sharded queue: sums or merges of every shard's view, and a circuit reset on its shard. */
final class ShardedAdmin implements QueueAdmin {
  private final QueueShardSet shards;

  ShardedAdmin(QueueShardSet shards) {
    this.shards = shards;
  }

  @Override
  public long depth(ActivationKind kind) {
    long depth = 0;
    for (Shard shard : shards.all()) {
      depth += shard.queue().depth(kind);
    }
    return depth;
  }

  @Override
  public Optional<Duration> oldestAge(ActivationKind kind) {
    return shards.all().stream()
        .map(shard -> shard.queue().oldestAge(kind))
        .flatMap(Optional::stream)
        .max(Comparator.naturalOrder());
  }

  @Override
  public List<RunningLease> runningLeases() {
    List<RunningLease> leases = new ArrayList<>();
    shards.all().forEach(shard -> leases.addAll(shard.admin().runningLeases()));
    leases.sort(Comparator.comparing(RunningLease::leaseExpiresAt));
    return leases;
  }

  @Override
  public List<DeadLetter> deadLetters(int limit) {
    List<DeadLetter> dead = new ArrayList<>();
    shards.all().forEach(shard -> dead.addAll(shard.admin().deadLetters(limit)));
    dead.sort(Comparator.comparing(DeadLetter::deadAt));
    return dead.size() <= limit ? dead : List.copyOf(dead.subList(0, Math.max(0, limit)));
  }

  @Override
  public boolean requeueDeadLetter(ActivationId id) {
    for (Shard shard : shards.all()) {
      if (shard.admin().requeueDeadLetter(id)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<OpenCircuit> openCircuits() {
    List<OpenCircuit> open = new ArrayList<>();
    shards.all().forEach(shard -> open.addAll(shard.admin().openCircuits()));
    return open;
  }

  /** Resets the circuit of {@code agent}, a queue key ({@code tenant/agent} outside the default tenant). */
  @Override
  public boolean resetCircuit(String agent) {
    int slash = agent.indexOf('/');
    String tenant = slash < 0 ? Activation.DEFAULT_TENANT : agent.substring(0, slash);
    if (shards.tenants().size() > 1 && !shards.tenants().contains(tenant)) {
      return false;
    }
    return shards.shardOf(tenant, agent.substring(slash + 1)).admin().resetCircuit(agent);
  }

  @Override
  public QueueCounters counters() {
    long redeliveries = 0;
    long expirations = 0;
    long dead = 0;
    for (Shard shard : shards.all()) {
      QueueCounters counters = shard.admin().counters();
      redeliveries += counters.redeliveries();
      expirations += counters.leaseExpirations();
      dead += counters.deadLetters();
    }
    return new QueueCounters(redeliveries, expirations, dead);
  }
}
