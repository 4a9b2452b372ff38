package io.botburrow.queue.redis;

import io.botburrow.activation.RunnerPool;
import io.botburrow.queue.Lease;
import io.botburrow.queue.QueueSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.redisson.api.RScript.ReturnType;

/**
 * A runner's claims and completions grouped into shared script calls (see {@link CallBatcher}): the claim
 * script's arguments for a batch, each request's answer read from its reply, and the completions of runners
 * that do not claim here.
 */
final class ClaimBatches {
  private static final int MAX_BATCH = 64;

  private record ClaimKey(RunnerPool pool, String runnerId) {}

  /**
   * One request of a runner's batch: a claim (lease null), the completion of {@code lease}, or both (the
   * completion goes first).
   */
  record Call(Lease lease, boolean claims) {
    static final Call CLAIM = new Call(null, true);
  }

  /** A claimed activation's document as the claim script returned it, read by the slot that claimed it. */
  record Claimed(String json, long expiry) {}

  private final QueueRedis redis;
  private final QueueSettings settings;
  private final Map<ClaimKey, CallBatcher<Call, Object>> claimBatchers = new ConcurrentHashMap<>();
  // the batcher a runner claims through, which its completions join
  private final Map<String, CallBatcher<Call, Object>> byRunner = new ConcurrentHashMap<>();
  private final CallBatcher<Lease, Boolean> completions = CallBatcher.pipelined(this::completeAll, MAX_BATCH);

  ClaimBatches(QueueRedis redis, QueueSettings settings) {
    this.redis = redis;
    this.settings = settings;
  }

  /** The batcher {@code runnerId} claims from {@code pool} through, made on its first claim. */
  CallBatcher<Call, Object> forClaims(RunnerPool pool, String runnerId) {
    return claimBatchers.computeIfAbsent(new ClaimKey(pool, runnerId), key -> {
      CallBatcher<Call, Object> created = CallBatcher.pipelined(requests -> claimAll(key, requests), MAX_BATCH);
      byRunner.putIfAbsent(runnerId, created);
      return created;
    });
  }

  /** Completes {@code lease} in its runner's next claim call, or with other completions when it claims nothing here. */
  void complete(Lease lease) {
    CallBatcher<Call, Object> batcher = byRunner.get(lease.runnerId());
    boolean held = batcher != null ? (Boolean) batcher.submit(new Call(lease, false)) : completions.submit(lease);
    HeldLeases.logIfLost(held, lease, "completion");
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
      args.add(HeldLeases.agent(lease));
      args.add(HeldLeases.owner(lease));
    });
    key.pool().kinds().forEach(kind -> {
      args.add(RedisQueueKeys.scriptIndex(kind));
      args.add(kind.rank());
    });
    CompletionStage<List<Object>> reply =
        redis.evalAtAsync("claim", now, redis.scripts().claim(), ReturnType.MULTI, args.toArray());
    return reply.thenApply(values -> answers(requests, completing.size(), values, expiry));
  }

  static List<Object> answers(List<Call> requests, int completions, List<Object> reply, long expiry) {
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
        HeldLeases.logIfLost(held, call.lease(), "completion");
      }
      answers.add(claimed < reply.size() ? new Claimed((String) reply.get(claimed++), expiry) : null);
    }
    return answers;
  }

  private CompletionStage<List<Boolean>> completeAll(List<Lease> leases) {
    List<Object> args = new ArrayList<>(leases.size() * 2);
    leases.forEach(lease -> {
      args.add(HeldLeases.agent(lease));
      args.add(HeldLeases.owner(lease));
    });
    CompletionStage<List<Object>> done =
        redis.evalAtAsync("complete", redis.nowMillis(), redis.scripts().complete(), ReturnType.MULTI, args.toArray());
    return done.thenApply(results -> results.stream().map(result -> ((Number) result).longValue() == 1).toList());
  }
}
