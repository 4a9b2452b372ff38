package io.botburrow.gateway.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Deployments that failed rest for a while: 1 min after the first failure, doubling with each further
 * one up to 1 h, or longer when the provider's {@code Retry-After} asks. A success ends it. Where the
 * rests are kept decides who sees them: {@code routing.memory} this process only, {@code routing.redis}
 * every gateway and runner sharing the Redis. Implementations are thread-safe.
 */
public interface Cooldowns {

  /** Until when {@code deployment} rests, if it does now. Cheap enough to call on every model call. */
  Optional<Instant> until(String deployment);

  /**
   * Records a failure; returns how long the deployment now rests. Blocks on the store.
   *
   * @param retryAfter the provider's {@code Retry-After}, or null
   */
  Duration failed(String deployment, Duration retryAfter);

  /** Ends the deployment's rest and its count of failures. Called after every success, so cheap when nothing rests. */
  void succeeded(String deployment);

  /** {@code base} doubled per failure after the first, capped at {@code max}, or {@code retryAfter} when longer. Pure. */
  static Duration rest(int failures, Duration base, Duration max, Duration retryAfter) {
    int doublings = Math.min(Math.max(0, failures - 1), 20);
    var rest = base.multipliedBy(1L << doublings);
    rest = rest.compareTo(max) > 0 ? max : rest;
    return retryAfter != null && retryAfter.compareTo(rest) > 0 ? retryAfter : rest;
  }
}
