package io.botburrow.queue.redis;

import io.botburrow.activation.RunnerPool;
import io.botburrow.queue.ActivationClaims;
import io.botburrow.queue.Lease;
import io.botburrow.queue.QueueSettings;
import io.botburrow.queue.redis.QueueShardSet.Shard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The runner side of the sharded queue: claims take turns across the tenants that have work in weighted round
 * robin ({@link TenantTurns}), then across the tenant's shards; a lease finds its shard again from its
 * activation's tenant and agent. With one shard every call goes straight to it.
 */
final class ShardedClaims implements ActivationClaims, AutoCloseable {
  /** Claims a runner makes from one shard of a tenant before it moves on to the next (see {@code ShardCursor}). */
  static final int CLAIMS_PER_SHARD = 64;

  private final RedissonClient client;
  private final QueueShardSet shards;
  private final QueueSettings settings;
  private final TenantTurns turns;
  private final WakeSignals signals = new WakeSignals();
  private final Map<String, ShardCursor> cursors = new ConcurrentHashMap<>();
  private final List<Integer> listenerIds = new ArrayList<>();
  private final List<RTopic> topics = new ArrayList<>();
  private volatile boolean subscribed;

  ShardedClaims(RedissonClient client, QueueShardSet shards, QueueShards layout, QueueSettings settings) {
    this.client = client;
    this.shards = shards;
    this.settings = settings;
    this.turns = new TenantTurns(layout.tenants(), layout.tenants().stream().map(layout::weight).toList());
  }

  @Override
  public Optional<Lease> claim(RunnerPool pool, String runnerId, Duration wait) {
    return shards.single()
        ? shards.all().get(0).claims().claim(pool, runnerId, wait)
        : claim(pool, runnerId, wait, null);
  }

  /**
   * The completion goes with the claim on the finished activation's shard when the first pass tries that shard
   * (always on one shard), else alone right after that pass.
   */
  @Override
  public Optional<Lease> completeAndClaim(Lease finished, RunnerPool pool, String runnerId, Duration wait) {
    Objects.requireNonNull(finished, "finished");
    return shards.single()
        ? shards.all().get(0).claims().completeAndClaim(finished, pool, runnerId, wait)
        : claim(pool, runnerId, wait, finished);
  }

  private Optional<Lease> claim(RunnerPool pool, String runnerId, Duration wait, Lease finished) {
    Objects.requireNonNull(pool, "pool");
    if (runnerId == null || runnerId.isBlank()) {
      throw new IllegalArgumentException("runnerId must not be blank");
    }
    ensureSubscribed();
    long deadline = System.nanoTime() + wait.toNanos();
    Lease completing = finished;
    while (true) {
      Optional<Lease> lease = claimOnce(pool, runnerId, completing);
      completing = null;
      long remaining = deadline - System.nanoTime();
      if (lease.isPresent() || remaining <= 0 || Thread.currentThread().isInterrupted()) {
        return lease;
      }
      signals.await(pool, Duration.ofNanos(Math.min(remaining, settings.pollInterval().toNanos())));
    }
  }

  /**
   * One pass: tenants in their turn's order; within a tenant, its current shard first, then the others. A
   * {@code finished} lease (or null) is completed by the claim on its shard, or alone when the pass ends without
   * trying that shard.
   */
  private Optional<Lease> claimOnce(RunnerPool pool, String runnerId, Lease finished) {
    Shard finishedShard = finished == null ? null : shards.shardOf(finished.activation());
    TenantTurns.Turn turn = turns.next();
    for (String tenant : turn.tenants()) {
      List<Shard> tenantShards = shards.of(tenant);
      ShardCursor cursor = cursors.computeIfAbsent(tenant + "/" + pool, key -> new ShardCursor(tenantShards.size()));
      int start = cursor.current();
      for (int i = 0; i < tenantShards.size(); i++) {
        int index = Math.floorMod(start + i, tenantShards.size());
        Shard shard = tenantShards.get(index);
        Optional<Lease> lease;
        if (shard == finishedShard) {
          lease = shard.claims().completeAndClaim(finished, pool, runnerId, Duration.ZERO);
          finishedShard = null;
        } else {
          lease = shard.claims().claim(pool, runnerId, Duration.ZERO);
        }
        if (lease.isPresent()) {
          cursor.servedBy(index);
          turn.served(tenant);
          return completeIfMissed(finishedShard, finished, lease);
        }
      }
      turn.skipped(tenant);
    }
    return completeIfMissed(finishedShard, finished, Optional.empty());
  }

  private Optional<Lease> completeIfMissed(Shard missed, Lease finished, Optional<Lease> lease) {
    if (missed != null) {
      complete(finished);
    }
    return lease;
  }

  /**
   * Which of a tenant's shards this process claims from first. Concurrent claims of one runner share round
   * trips only when they go to the same shard (see {@link CallBatcher}), so the runner stays on a shard for
   * {@link #CLAIMS_PER_SHARD} claims, or until it is empty, before moving to the next; each process starts at
   * a random shard, so that a fleet's runners spread over all of them. Work in the other shards waits at most
   * that many claims of this runner.
   */
  private static final class ShardCursor {
    private final int shards;
    private int current;
    private int served;

    ShardCursor(int shards) {
      this.shards = shards;
      this.current = java.util.concurrent.ThreadLocalRandom.current().nextInt(shards);
    }

    synchronized int current() {
      return current;
    }

    synchronized void servedBy(int index) {
      if (index != current) {
        current = index;
        served = 0;
      }
      if (++served >= CLAIMS_PER_SHARD) {
        current = (current + 1) % shards;
        served = 0;
      }
    }
  }

  @Override
  public Optional<Lease> renew(Lease lease) {
    return shards.shardOf(lease.activation()).claims().renew(lease);
  }

  @Override
  public void complete(Lease lease) {
    shards.shardOf(lease.activation()).claims().complete(lease);
  }

  @Override
  public void fail(Lease lease, String error) {
    shards.shardOf(lease.activation()).claims().fail(lease, error);
  }

  @Override
  public void release(Lease lease) {
    shards.shardOf(lease.activation()).claims().release(lease);
  }

  @Override
  public void defer(Lease lease, Duration delay) {
    shards.shardOf(lease.activation()).claims().defer(lease, delay);
  }

  // Every shard publishes its wake-ups on its own channel; one waiter set hears them all.
  private void ensureSubscribed() {
    if (!subscribed) {
      subscribe();
    }
  }

  private synchronized void subscribe() {
    if (subscribed) {
      return;
    }
    for (Shard shard : shards.all()) {
      RTopic topic = client.getTopic(shard.keys().wakeChannel(), StringCodec.INSTANCE);
      listenerIds.add(RedisFailures.translate(
          "subscribe", () -> topic.addListener(String.class, (channel, message) -> signals.onMessage(message))));
      topics.add(topic);
    }
    subscribed = true;
  }

  /** Stops listening for wake-ups; the Redisson client stays open (it is not ours). */
  @Override
  public synchronized void close() {
    for (int i = 0; i < listenerIds.size(); i++) {
      topics.get(i).removeListener(listenerIds.get(i));
    }
    listenerIds.clear();
    topics.clear();
    subscribed = false;
    shards.all().forEach(shard -> shard.claims().close());
  }
}
