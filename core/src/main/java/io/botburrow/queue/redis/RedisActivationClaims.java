package io.botburrow.queue.redis;

import io.botburrow.activation.Activation;
import io.botburrow.activation.RunnerPool;
import io.botburrow.queue.ActivationClaims;
import io.botburrow.queue.Lease;
import io.botburrow.queue.QueueSettings;
import io.botburrow.queue.redis.ClaimBatches.Call;
import io.botburrow.queue.redis.ClaimBatches.Claimed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
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

  private final QueueSettings settings;
  private final HeldLeases leases;
  private final ClaimBatches batches;
  private final WakeSignals signals = new WakeSignals();
  private final RTopic wakeTopic;
  private volatile Integer listenerId;

  public RedisActivationClaims(
      RedissonClient client, RedisQueueKeys keys, QueueSettings settings, Clock clock) {
    QueueRedis redis = new QueueRedis(client, keys, clock);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.leases = new HeldLeases(redis, settings);
    this.batches = new ClaimBatches(redis, settings);
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
    CallBatcher<Call, Object> batcher = batches.forClaims(pool, runnerId);
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

  @Override
  public Optional<Lease> renew(Lease lease) {
    return leases.renew(lease);
  }

  @Override
  public void complete(Lease lease) {
    batches.complete(lease);
  }

  @Override
  public void fail(Lease lease, String error) {
    leases.fail(lease, error);
  }

  @Override
  public void release(Lease lease) {
    leases.release(lease);
  }

  @Override
  public void defer(Lease lease, Duration delay) {
    leases.defer(lease, delay);
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
}
