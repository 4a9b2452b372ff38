package io.botburrow.queue;

import java.time.Duration;
import java.util.Optional;

/**
 * Idempotency keys for side effects, so that a redelivered activation never repeats an effect that
 * an earlier delivery already had (e.g. key {@code reply:<activation>:<notification>}).
 *
 * <p>Methods block on the backend and throw {@link QueueUnavailableException} when it cannot be
 * reached.
 */
public interface EffectLedger {

  /**
   * Records {@code key} with {@code value} unless it is already recorded. Atomic: of concurrent
   * callers exactly one gets {@code true}.
   *
   * @param ttl how long the record is kept (longer than any redelivery can happen)
   * @return {@code true} if this call recorded the key, {@code false} if it was already there
   */
  boolean tryRecord(String key, String value, Duration ttl);

  /**
   * Replaces the value of {@code key} with {@code value} (and a fresh {@code ttl}) if and only if it is
   * recorded with {@code expected}. Atomic, like {@link #tryRecord}.
   *
   * @return {@code true} if this call replaced it
   */
  boolean replace(String key, String expected, String value, Duration ttl);

  /**
   * Forgets {@code key} if and only if it is recorded with {@code expected}. Atomic, like
   * {@link #tryRecord}.
   *
   * @return {@code true} if this call removed it
   */
  boolean remove(String key, String expected);

  /** The value recorded for {@code key}, if any and not yet expired. */
  Optional<String> lookup(String key);
}
