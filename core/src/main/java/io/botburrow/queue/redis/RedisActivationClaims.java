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
import java.util.concurrent.ConcurrentHashMap;
import org.redisson.api.RScript.ReturnType;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runner side of the Redis activation queue. A waiting claim wakes on the queue's pub/sub channel
 * and re-checks at least every {@link QueueSettings#pollInterval()}. Concurrent claims of one runner
 * and concurrent completions share round trips (see {@link CallBatcher}).
 */
public final class RedisActivationClaims implements ActivationClaims, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisActivationClaims.class);
  private static final int MAX_ERROR_LENGTH = 4_000;
  private static final int MAX_BATCH = 64;

  private record ClaimKey(RunnerPool pool, String runnerId) {}

  private final QueueRedis redis;
  private final QueueSettings settings;
  private final WakeSignals signals = new WakeSignals();
  private final RTopic wakeTopic;
  private final Map<ClaimKey, CallBatcher<String, Optional<Lease>>> claimBatchers = new ConcurrentHashMap<>();
  private final CallBatcher<Lease, Boolean> completions = new CallBatcher<>(this::completeAll, MAX_BATCH);
  private volatile Integer listenerId;

  public RedisActivationClaims(
      RedissonClient client, RedisQueueKeys keys, QueueSettings settings, Clock clock) {
    this.redis = new QueueRedis(client, keys, clock);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.wakeTopic = client.getTopic(keys.wakeChannel(), StringCodec.INSTANCE);
  }

  @Override
  public Optional<Lease> claim(RunnerPool pool, String runnerId, Duration wait) {
    Objects.requireNonNull(pool, "pool");
    if (runnerId == null || runnerId.isBlank()) {
      throw new IllegalArgumentException("runnerId must not be blank");
    }
    ensureSubscribed();
    CallBatcher<String, Optional<Lease>> batcher =
        claimBatchers.computeIfAbsent(new ClaimKey(pool, runnerId), key -> new CallBatcher<>(
            requests -> claimAll(key, requests.size()), MAX_BATCH));
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      Optional<Lease> lease = batcher.submit(runnerId);
      long remaining = deadline - System.nanoTime();
      if (lease.isPresent() || remaining <= 0 || Thread.currentThread().isInterrupted()) {
        return lease;
      }
      signals.await(pool, Duration.ofNanos(Math.min(remaining, settings.pollInterval().toNanos())));
    }
  }

  private List<Optional<Lease>> claimAll(ClaimKey key, int count) {
    long now = redis.nowMillis();
    long expiry = now + settings.leaseDuration().toMillis();
    List<Object> args = new ArrayList<>(List.of(key.runnerId(), expiry, count, settings.promoteAfter().toMillis()));
    key.pool().kinds().forEach(kind -> {
      args.add(RedisQueueKeys.scriptIndex(kind));
      args.add(kind.rank());
    });
    List<Object> claimed = redis.evalAt("claim", now, redis.scripts().claim(), ReturnType.MULTI, args.toArray());
    List<Optional<Lease>> leases = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if (i < claimed.size()) {
        Activation activation = ActivationJson.read((String) claimed.get(i));
        LOG.debug("Activation(id={}, agent={}) claimed by runner {}", activation.id(), activation.agent(), key.runnerId());
        leases.add(Optional.of(new Lease(activation, key.runnerId(), Instant.ofEpochMilli(expiry))));
      } else {
        leases.add(Optional.empty());
      }
    }
    return leases;
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
    logIfLost(completions.submit(lease), lease, "completion");
  }

  private List<Boolean> completeAll(List<Lease> leases) {
    List<Object> args = new ArrayList<>(leases.size() * 2);
    leases.forEach(lease -> {
      args.add(agent(lease));
      args.add(owner(lease));
    });
    List<Object> done = redis.eval("complete", redis.scripts().complete(), ReturnType.MULTI, args.toArray());
    return done.stream().map(result -> ((Number) result).longValue() == 1).toList();
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
    return lease.activation().agent();
  }

  private static String owner(Lease lease) {
    return lease.runnerId() + "|" + lease.activation().id().value();
  }

  private static String truncate(String error) {
    String text = error == null ? "" : error;
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "...";
  }
}
