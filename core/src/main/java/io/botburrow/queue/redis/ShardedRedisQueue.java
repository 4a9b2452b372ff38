package io.botburrow.queue.redis;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationId;
import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.RunnerPool;
import io.botburrow.leader.LeadershipListener;
import io.botburrow.queue.ActivationClaims;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.queue.DeadLetter;
import io.botburrow.queue.EnqueueResult;
import io.botburrow.queue.Lease;
import io.botburrow.queue.LeaseReaper;
import io.botburrow.queue.OpenCircuit;
import io.botburrow.queue.QueueAdmin;
import io.botburrow.queue.QueueCounters;
import io.botburrow.queue.QueueSettings;
import io.botburrow.queue.RunningLease;
import io.botburrow.queue.redis.QueueShardSet.Shard;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The activation queue over several shards ({@link QueueShards}): each shard is a complete Redis queue
 * ({@link RedisActivationQueue}, {@link RedisActivationClaims}, {@link RedisQueueAdmin}) whose scripts touch
 * one hash slot. Work goes to its tenant's shard of its agent ({@link ShardedEnqueues}); claims take turns across
 * the tenants that have work in weighted round robin, then across the tenant's shards ({@link ShardedClaims}).
 * Operator views sum or merge over the shards ({@link ShardedAdmin}); a lease finds its shard again from its
 * activation's tenant and agent.
 *
 * <p>Fencing ({@link ShardFences}): the leader election writes each term's token to the base prefix's counter;
 * this queue raises every shard's counter to the token when the term starts ({@link #leadershipGained}) and, at
 * the latest, before the term's first enqueue, so a deposed leader is fenced out on every shard. A shard that
 * lost its state (counter gone) refuses enqueues until its counter is raised again, which happens only for the
 * token the base counter holds, that is for the current term.
 *
 * <p>With one tenant, one shard and no cluster every call goes straight to that one queue.
 */
public final class ShardedRedisQueue
    implements ActivationQueue, LeaseReaper, ActivationClaims, QueueAdmin, LeadershipListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ShardedRedisQueue.class);

  private final QueueShards layout;
  private final QueueShardSet shards;
  private final ShardFences fences;
  private final ShardedEnqueues enqueues;
  private final ShardedClaims claims;
  private final ShardedAdmin admin;

  public ShardedRedisQueue(RedissonClient client, QueueShards layout, QueueSettings settings, Clock clock) {
    Objects.requireNonNull(client, "client");
    this.layout = Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(settings, "settings");
    this.shards = new QueueShardSet(client, layout, settings, clock);
    this.fences = new ShardFences(client, layout, shards);
    this.enqueues = new ShardedEnqueues(shards, fences);
    this.claims = new ShardedClaims(client, shards, layout, settings);
    this.admin = new ShardedAdmin(shards);
  }

  public QueueShards layout() {
    return layout;
  }

  // ---- fencing (ShardFences)

  @Override
  public void leadershipGained(long fencingToken) {
    try {
      fences.beforeEnqueue(fencingToken);
    } catch (RuntimeException e) {
      // the term's first enqueue raises them again before it writes
      LOG.warn("Could not pass fencing token {} to the queue shards yet: {}", fencingToken, e.toString());
    }
  }

  @Override
  public void leadershipLost() {
    // nothing: the next leader's token supersedes this one's on every shard
  }

  // ---- coordinator side (ShardedEnqueues)

  @Override
  public EnqueueResult enqueue(Activation activation, long fencingToken) {
    return enqueues.enqueue(activation, fencingToken);
  }

  @Override
  public List<EnqueueResult> enqueueAll(List<Activation> activations, long fencingToken) {
    return enqueues.enqueueAll(activations, fencingToken);
  }

  @Override
  public EnqueueResult submit(Activation activation) {
    return enqueues.submit(activation);
  }

  @Override
  public int reapExpiredLeases() {
    int reaped = 0;
    for (Shard shard : shards.all()) {
      reaped += shard.queue().reapExpiredLeases();
    }
    return reaped;
  }

  @Override
  public Set<String> leaseHolders() {
    Set<String> holders = new HashSet<>();
    shards.all().forEach(shard -> holders.addAll(shard.queue().leaseHolders()));
    return holders;
  }

  @Override
  public int reapLeasesOf(String runnerId) {
    int reaped = 0;
    for (Shard shard : shards.all()) {
      reaped += shard.queue().reapLeasesOf(runnerId);
    }
    return reaped;
  }

  // ---- runner side (ShardedClaims)

  @Override
  public Optional<Lease> claim(RunnerPool pool, String runnerId, Duration wait) {
    return claims.claim(pool, runnerId, wait);
  }

  @Override
  public Optional<Lease> completeAndClaim(Lease finished, RunnerPool pool, String runnerId, Duration wait) {
    return claims.completeAndClaim(finished, pool, runnerId, wait);
  }

  @Override
  public Optional<Lease> renew(Lease lease) {
    return claims.renew(lease);
  }

  @Override
  public void complete(Lease lease) {
    claims.complete(lease);
  }

  @Override
  public void fail(Lease lease, String error) {
    claims.fail(lease, error);
  }

  @Override
  public void release(Lease lease) {
    claims.release(lease);
  }

  @Override
  public void defer(Lease lease, Duration delay) {
    claims.defer(lease, delay);
  }

  // ---- operator view (ShardedAdmin)

  @Override
  public long depth(ActivationKind kind) {
    return admin.depth(kind);
  }

  @Override
  public Optional<Duration> oldestAge(ActivationKind kind) {
    return admin.oldestAge(kind);
  }

  @Override
  public List<RunningLease> runningLeases() {
    return admin.runningLeases();
  }

  @Override
  public List<DeadLetter> deadLetters(int limit) {
    return admin.deadLetters(limit);
  }

  @Override
  public boolean requeueDeadLetter(ActivationId id) {
    return admin.requeueDeadLetter(id);
  }

  @Override
  public List<OpenCircuit> openCircuits() {
    return admin.openCircuits();
  }

  /** Resets the circuit of {@code agent}, a queue key ({@code tenant/agent} outside the default tenant). */
  @Override
  public boolean resetCircuit(String agent) {
    return admin.resetCircuit(agent);
  }

  @Override
  public QueueCounters counters() {
    return admin.counters();
  }

  /** Stops listening for wake-ups; the Redisson client stays open (it is not ours). */
  @Override
  public void close() {
    claims.close();
  }
}
