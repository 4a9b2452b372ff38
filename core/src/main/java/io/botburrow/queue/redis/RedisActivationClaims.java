package io.botburrow.queue.redis;

import io.botburrow.activation.Activation;
import io.botburrow.activation.RunnerPool;
import io.botburrow.queue.ActivationClaims;
import io.botburrow.queue.Lease;
import io.botburrow.queue.QueueSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.redisson.api.RScript.ReturnType;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runner side of the Redis activation queue. A waiting claim wakes on the queue's pub/sub channel
 * and re-checks at least every {@link QueueSettings#pollInterval()}. Concurrent claims and
 * completions of one runner share round trips (see {@link CallBatcher}): a slot that finished an
 * activation and the slots claiming their next one go in the same script call, completions first.
 */
public final class RedisActivationClaims implements ActivationClaims, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisActivationClaims.class);
  private static final int MAX_ERROR_LENGTH = 4_000;
  private static final int MAX_BATCH = 64;

  private record ClaimKey(RunnerPool pool, String runnerId) {}

  /**
   * One request of a runner's batch: a claim (lease null), the completion of {@code lease}, or both (the
   * completion goes first).
   */
  private record Call(Lease lease, boolean claims) {
    static final Call CLAIM = new Call(null, true);
  }

  /** A claimed activation's document as the claim script returned it, read by the slot that claimed it. */
  private record Claimed(String json, long expiry) {}

  private final QueueRedis redis;
  private final QueueSettings settings;
  private final WakeSignals signals = new WakeSignals();
  private final RTopic wakeTopic;
  private final Map<ClaimKey, CallBatcher<Call, Object>> claimBatchers = new ConcurrentHashMap<>();
  // the batcher a runner claims through, which its completions join
  private final Map<String, CallBatcher<Call, Object>> byRunner = new ConcurrentHashMap<>();
  private final CallBatcher<Lease, Boolean> completions = CallBatcher.pipelined(this::completeAll, MAX_BATCH);
  private volatile Integer listenerId;

  public RedisActivationClaims(
      RedissonClient client, RedisQueueKeys keys, QueueSettings settings, Clock clock) {
    this.redis = new QueueRedis(client, keys, clock);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.wakeTopic = client.getTopic(keys.wakeChannel(), StringCodec.INSTANCE);
  }

  @Override
  public Optional<Lease> claim(RunnerPool pool, String runnerId, Duration wait) {
    return claim(pool, runnerId, wait, Call.CLAIM);
  }

  @Override
  public Optional<Lease> completeAndClaim(Lease finished, RunnerPool pool, String runnerId, Duration wait) {
    Objects.requireNonNull(finished, "finished");
    if (!finished.runnerId().equals(runnerId)) {
      return ActivationClaims.super.completeAndClaim(finished, pool, runnerId, wait);
    }
    return claim(pool, runnerId, wait, new Call(finished, true));
  }

  private Optional<Lease> claim(RunnerPool pool, String runnerId, Duration wait, Call first) {
    Objects.requireNonNull(pool, "pool");
    if (runnerId == null || runnerId.isBlank()) {
      throw new IllegalArgumentException("runnerId must not be blank");
    }
    ensureSubscribed();
    CallBatcher<Call, Object> batcher = claimBatchers.computeIfAbsent(new ClaimKey(pool, runnerId), key -> {
      CallBatcher<Call, Object> created = CallBatcher.pipelined(requests -> claimAll(key, requests), MAX_BATCH);
      byRunner.putIfAbsent(runnerId, created);
      return created;
    });
    long deadline = System.nanoTime() + wait.toNanos();
    Call call = first;
    while (true) {
      Optional<Lease> lease = leaseOf(batcher.submit(call), runnerId);
      call = Call.CLAIM;
      long remaining = deadline - System.nanoTime();
      if (lease.isPresent() || remaining <= 0 || Thread.currentThread().isInterrupted()) {
        return lease;
      }
      signals.await(pool, Duration.ofNanos(Math.min(remaining, settings.pollInterval().toNanos())));
    }
  }

  private static Optional<Lease> leaseOf(Object answer, String runnerId) {
    if (!(answer instanceof Claimed claimed)) {
      return Optional.empty();
    }
    Activation activation = ActivationJson.read(claimed.json());
    LOG.debug("Activation(id={}, agent={}) claimed by runner {}", activation.id(), activation.agent(), runnerId);
    return Optional.of(new Lease(activation, runnerId, Instant.ofEpochMilli(claimed.expiry())));
  }

  /**
   * Answers each request in order: Boolean for a completion, {@link Claimed} or nothing (null) for a claim (also
   * for a completion with a claim, whose completion is logged if its lease was lost). Does not block: the answers
   * arrive on the client's I/O thread, and each slot reads its own activation.
   */
  private CompletionStage<List<Object>> claimAll(ClaimKey key, List<Call> requests) {
    List<Lease> completing = new ArrayList<>();
    int count = 0;
    for (Call call : requests) {
      if (call.lease() != null) {
        completing.add(call.lease());
      }
      if (call.claims()) {
        count++;
      }
    }
    long now = redis.nowMillis();
    long expiry = now + settings.leaseDuration().toMillis();
    List<Object> args = new ArrayList<>(8 + 2 * completing.size());
    args.add(key.runnerId());
    args.add(expiry);
    args.add(count);
    args.add(settings.promoteAfter().toMillis());
    args.add(completing.size());
    completing.forEach(lease -> {
      args.add(agent(lease));
      args.add(owner(lease));
    });
    key.pool().kinds().forEach(kind -> {
      args.add(RedisQueueKeys.scriptIndex(kind));
      args.add(kind.rank());
    });
    CompletionStage<List<Object>> reply =
        redis.evalAtAsync("claim", now, redis.scripts().claim(), ReturnType.MULTI, args.toArray());
    return reply.thenApply(values -> answers(requests, completing.size(), values, expiry));
  }

  private static List<Object> answers(List<Call> requests, int completions, List<Object> reply, long expiry) {
    List<Object> answers = new ArrayList<>(requests.size());
    int completion = 0;
    int claimed = completions;
    for (Call call : requests) {
      Boolean held = call.lease() == null ? null : ((Number) reply.get(completion++)).longValue() == 1;
      if (!call.claims()) {
        answers.add(held);
        continue;
      }
      if (held != null) {
        logIfLost(held, call.lease(), "completion");
      }
      answers.add(claimed < reply.size() ? new Claimed((String) reply.get(claimed++), expiry) : null);
    }
    return answers;
  }

  @Override
  public Optional<Lease> renew(Lease lease) {
    long expiry = redis.nowMillis() + settings.leaseDuration().toMillis();
    Long renewed =
        redis.eval("renew", redis.scripts().renew(), ReturnType.INTEGER, agent(lease), owner(lease), expiry);
    return renewed == 1 ? Optional.of(lease.renewedUntil(Instant.ofEpochMilli(expiry))) : Optional.empty();
  }

  @Override
  public void complete(Lease lease) {
    CallBatcher<Call, Object> batcher = byRunner.get(lease.runnerId());
    boolean held = batcher != null ? (Boolean) batcher.submit(new Call(lease, false)) : completions.submit(lease);
    logIfLost(held, lease, "completion");
  }

  private CompletionStage<List<Boolean>> completeAll(List<Lease> leases) {
    List<Object> args = new ArrayList<>(leases.size() * 2);
    leases.forEach(lease -> {
      args.add(agent(lease));
      args.add(owner(lease));
    });
    CompletionStage<List<Object>> done =
        redis.evalAtAsync("complete", redis.nowMillis(), redis.scripts().complete(), ReturnType.MULTI, args.toArray());
    return done.thenApply(results -> results.stream().map(result -> ((Number) result).longValue() == 1).toList());
  }

  @Override
  public void fail(Lease lease, String error) {
    List<Object> args = new ArrayList<>();
    args.add(agent(lease));
    args.add(owner(lease));
    args.add(truncate(error));
    args.add(settings.maxAttempts());
    settings.circuit().schedule().forEach(backoff -> args.add(backoff.toMillis()));
    String outcome = redis.eval("fail", redis.scripts().fail(), ReturnType.VALUE, args.toArray());
    logIfLost(!"LOST".equals(outcome), lease, "failure");
    LOG.debug("Activation(id={}, agent={}) failed: {}", lease.activation().id(), lease.activation().agent(), outcome);
  }

  @Override
  public void release(Lease lease) {
    Long released = redis.eval("release", redis.scripts().release(), ReturnType.INTEGER, agent(lease), owner(lease));
    logIfLost(released == 1, lease, "release");
  }

  @Override
  public void defer(Lease lease, Duration delay) {
    long notBefore = redis.nowMillis() + delay.toMillis();
    Long deferred =
        redis.eval("defer", redis.scripts().defer(), ReturnType.INTEGER, agent(lease), owner(lease), notBefore);
    logIfLost(deferred == 1, lease, "deferral");
  }

  /** Stops listening for wake-ups; the Redisson client stays open (it is not ours). */
  @Override
  public synchronized void close() {
    if (listenerId != null) {
      wakeTopic.removeListener(listenerId);
      listenerId = null;
    }
  }

  // Subscribes on first use rather than at construction, so a runner can start while Redis is down.
  private void ensureSubscribed() {
    if (listenerId == null) {
      subscribe();
    }
  }

  private synchronized void subscribe() {
    if (listenerId == null) {
      listenerId = RedisFailures.translate(
          "subscribe", () -> wakeTopic.addListener(String.class, (channel, message) -> signals.onMessage(message)));
    }
  }

  private static void logIfLost(boolean held, Lease lease, String what) {
    if (!held) {
      LOG.warn(
          "Activation(id={}, agent={}) lease of runner {} was lost before its {}; it was redelivered",
          lease.activation().id(), lease.activation().agent(), lease.runnerId(), what);
    }
  }

  private static String agent(Lease lease) {
    return lease.activation().queueKey();
  }

  private static String owner(Lease lease) {
    return lease.runnerId() + "|" + lease.activation().id().value();
  }

  private static String truncate(String error) {
    String text = error == null ? "" : error;
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "...";
  }
}
