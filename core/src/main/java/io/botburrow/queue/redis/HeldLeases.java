package io.botburrow.queue.redis;

import io.botburrow.queue.Lease;
import io.botburrow.queue.QueueSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.redisson.api.RScript.ReturnType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a runner does with a lease it holds, one script call each: renew it, or fail, release or defer its
 * activation. It also names a lease to the queue scripts (its agent's queue and its owner) and warns of one
 * lost before the runner was done with it, for the claims' batched calls too.
 */
final class HeldLeases {
  private static final Logger LOG = LoggerFactory.getLogger(HeldLeases.class);
  private static final int MAX_ERROR_LENGTH = 4_000;

  private final QueueRedis redis;
  private final QueueSettings settings;

  HeldLeases(QueueRedis redis, QueueSettings settings) {
    this.redis = redis;
    this.settings = settings;
  }

  Optional<Lease> renew(Lease lease) {
    long expiry = redis.nowMillis() + settings.leaseDuration().toMillis();
    Long renewed =
        redis.eval("renew", redis.scripts().renew(), ReturnType.INTEGER, agent(lease), owner(lease), expiry);
    return renewed == 1 ? Optional.of(lease.renewedUntil(Instant.ofEpochMilli(expiry))) : Optional.empty();
  }

  void fail(Lease lease, String error) {
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

  void release(Lease lease) {
    Long released = redis.eval("release", redis.scripts().release(), ReturnType.INTEGER, agent(lease), owner(lease));
    logIfLost(released == 1, lease, "release");
  }

  void defer(Lease lease, Duration delay) {
    long notBefore = redis.nowMillis() + delay.toMillis();
    Long deferred =
        redis.eval("defer", redis.scripts().defer(), ReturnType.INTEGER, agent(lease), owner(lease), notBefore);
    logIfLost(deferred == 1, lease, "deferral");
  }

  static void logIfLost(boolean held, Lease lease, String what) {
    if (!held) {
      LOG.warn(
          "Activation(id={}, agent={}) lease of runner {} was lost before its {}; it was redelivered",
          lease.activation().id(), lease.activation().agent(), lease.runnerId(), what);
    }
  }

  static String agent(Lease lease) {
    return lease.activation().queueKey();
  }

  static String owner(Lease lease) {
    return lease.runnerId() + "|" + lease.activation().id().value();
  }

  private static String truncate(String error) {
    String text = error == null ? "" : error;
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "...";
  }
}
