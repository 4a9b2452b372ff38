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
import io.botburrow.queue.FencedOutException;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The activation queue over several shards ({@link QueueShards}): each shard is a complete Redis queue
 * ({@link RedisActivationQueue}, {@link RedisActivationClaims}, {@link RedisQueueAdmin}) whose scripts touch
 * one hash slot. Work goes to its tenant's shard of its agent; claims take turns across the tenants that have
 * work in weighted round robin, then across the tenant's shards ({@link ShardedClaims}). Operator views sum
 * or merge over the shards; a lease finds its shard again from its activation's tenant and agent.
 *
 * <p>Fencing: the leader election writes each term's token to the base prefix's counter; this queue raises
 * every shard's counter to the token when the term starts ({@link #leadershipGained}) and, at the latest,
 * before the term's first enqueue, so a deposed leader is fenced out on every shard. A shard that lost its
 * state (counter gone) refuses enqueues until its counter is raised again, which happens only for the token
 * the base counter holds, that is for the current term.
 *
 * <p>With one tenant, one shard and no cluster every call goes straight to that one queue.
 */
public final class ShardedRedisQueue
    implements ActivationQueue, LeaseReaper, ActivationClaims, QueueAdmin, LeadershipListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ShardedRedisQueue.class);
  /** Runs the shards' parts of a batch enqueue side by side; virtual threads, so none is kept idle. */
  private static final Executor PARTS = Executors.newVirtualThreadPerTaskExecutor();
  private static final String RAISE_FENCE =
      """
      local current = tonumber(redis.call('GET', KEYS[1]) or '0')
      if current < tonumber(ARGV[1]) then
        redis.call('SET', KEYS[1], ARGV[1])
        return 1
      end
      return 0
      """;

  private final RedissonClient client;
  private final QueueShards layout;
  private final String baseFence;
  private final QueueShardSet shards;
  private final ShardedClaims claims;
  private final AtomicLong fencedShardsAt = new AtomicLong();

  public ShardedRedisQueue(RedissonClient client, QueueShards layout, QueueSettings settings, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.layout = Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(settings, "settings");
    this.baseFence = new RedisQueueKeys(layout.prefix()).fencingCounter();
    this.shards = new QueueShardSet(client, layout, settings, clock);
    this.claims = new ShardedClaims(client, shards, layout, settings);
  }

  public QueueShards layout() {
    return layout;
  }

  /** The shard that holds {@code activation}'s work. */
  Shard shardOf(Activation activation) {
    return shards.shardOf(activation);
  }

  // ---- fencing

  @Override
  public void leadershipGained(long fencingToken) {
    try {
      beforeEnqueue(fencingToken);
    } catch (RuntimeException e) {
      // the term's first enqueue raises them again before it writes
      LOG.warn("Could not pass fencing token {} to the queue shards yet: {}", fencingToken, e.toString());
    }
  }

  @Override
  public void leadershipLost() {
    // nothing: the next leader's token supersedes this one's on every shard
  }

  /**
   * Raises every shard's fencing counter to {@code token} (never lowers one) when {@code token} is the current
   * term's, as the election's counter says: a deposed leader's token, higher or lower, never reaches a shard.
   */
  private void raiseFences(long token) {
    for (Shard shard : shards.all()) {
      raiseFence(shard, token);
    }
    fencedShardsAt.accumulateAndGet(token, Math::max);
  }

  private void raiseFence(Shard shard, long token) {
    if (shard.keys().fencingCounter().equals(baseFence)) {
      return; // the election's own counter
    }
    RedisFailures.translate("raise fence", () -> client.getScript(StringCodec.INSTANCE).<Long>eval(
        RScript.Mode.READ_WRITE, RAISE_FENCE, RScript.ReturnType.INTEGER, List.of(shard.keys().fencingCounter()),
        Long.toString(token)));
  }

  private void beforeEnqueue(long token) {
    if (token > fencedShardsAt.get() && !layout.isSingle() && token == currentTerm()) {
      raiseFences(token);
    }
  }

  private long currentTerm() {
    String current = RedisFailures.translate("fence", () ->
        client.<String>getBucket(baseFence, StringCodec.INSTANCE).get());
    return current == null ? 0 : Long.parseLong(current);
  }

  // A shard that lost its state refuses every token; it takes the current term's again, and only that.
  private boolean refenced(Shard shard, long token) {
    if (layout.isSingle() || token <= 0) {
      return false;
    }
    String shardFence = RedisFailures.translate("fence", () ->
        client.<String>getBucket(shard.keys().fencingCounter(), StringCodec.INSTANCE).get());
    if (shardFence != null) {
      return false;
    }
    if (currentTerm() != token) {
      return false;
    }
    LOG.warn("Queue shard {} lost its state; it takes the current term's token {} again", shard.keys().prefix(), token);
    raiseFence(shard, token);
    return true;
  }

  // ---- coordinator side

  @Override
  public EnqueueResult enqueue(Activation activation, long fencingToken) {
    Shard shard = shardOf(activation);
    beforeEnqueue(fencingToken);
    try {
      return shard.queue().enqueue(activation, fencingToken);
    } catch (FencedOutException e) {
      if (refenced(shard, fencingToken)) {
        return shard.queue().enqueue(activation, fencingToken);
      }
      throw e;
    }
  }

  @Override
  public List<EnqueueResult> enqueueAll(List<Activation> activations, long fencingToken) {
    if (shards.single()) {
      return shards.all().get(0).queue().enqueueAll(activations, fencingToken);
    }
    Map<Shard, List<Integer>> positions = new LinkedHashMap<>();
    for (int i = 0; i < activations.size(); i++) {
      positions.computeIfAbsent(shardOf(activations.get(i)), s -> new ArrayList<>()).add(i);
    }
    beforeEnqueue(fencingToken);
    EnqueueResult[] results = new EnqueueResult[activations.size()];
    // the shards' parts go at once, each on its own thread: the batch takes the slowest shard's round trip
    List<CompletableFuture<Void>> parts = new ArrayList<>();
    positions.forEach((shard, indexes) -> parts.add(CompletableFuture.runAsync(() -> {
      List<EnqueueResult> done = enqueuePart(shard, indexes.stream().map(activations::get).toList(), fencingToken);
      for (int i = 0; i < indexes.size(); i++) {
        results[indexes.get(i)] = done.get(i);
      }
    }, PARTS)));
    try {
      CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
    return List.of(results);
  }

  private List<EnqueueResult> enqueuePart(Shard shard, List<Activation> part, long fencingToken) {
    try {
      return shard.queue().enqueueAll(part, fencingToken);
    } catch (FencedOutException e) {
      if (!refenced(shard, fencingToken)) {
        throw e;
      }
      return shard.queue().enqueueAll(part, fencingToken);
    }
  }

  @Override
  public EnqueueResult submit(Activation activation) {
    return shardOf(activation).queue().submit(activation);
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

  // ---- operator view

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

  /** Stops listening for wake-ups; the Redisson client stays open (it is not ours). */
  @Override
  public void close() {
    claims.close();
  }
}
