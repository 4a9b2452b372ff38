package io.botburrow.runner.kubernetes;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The value of a runner pod's {@code controller.kubernetes.io/pod-deletion-cost}, and when to send it.
 * A ReplicaSet scaling in removes the pods of lowest cost first: idle runners (0) before busy ones,
 * and among busy ones those whose oldest activation is youngest, which lose the least if drained.
 */
public final class DeletionCost {
  public static final String ANNOTATION = "controller.kubernetes.io/pod-deletion-cost";
  /** Between two patches at least this long, also when the runner turns idle or busy. */
  static final Duration MIN_GAP = Duration.ofSeconds(1);

  private DeletionCost() {}

  /** 0 when idle; else 1 + the seconds the oldest running activation has run, at most {@link Integer#MAX_VALUE}. */
  public static int of(Optional<Instant> oldestRunningSince, Instant now) {
    if (oldestRunningSince.isEmpty()) {
      return 0;
    }
    long seconds = Math.max(0, Duration.between(oldestRunningSince.get(), now).toSeconds());
    return (int) Math.min(Integer.MAX_VALUE, 1 + seconds);
  }

  /**
   * Whether to patch the pod now. Nothing is sent while the pod already carries {@code next}; a change
   * between idle and busy goes out within {@link #MIN_GAP}; a busy pod's growing age at most every
   * {@code interval}, and so does a retry after a failure.
   *
   * @param applied the value the pod carries, empty before the first success
   * @param lastAttempt when the last patch was tried, null before the first
   * @param failing whether the last attempt failed
   */
  public static boolean due(OptionalInt applied, Instant lastAttempt, boolean failing, int next, Instant now,
      Duration interval) {
    if (lastAttempt == null) {
      return true;
    }
    if (applied.isPresent() && applied.getAsInt() == next && !failing) {
      return false;
    }
    Duration since = Duration.between(lastAttempt, now);
    if (failing) {
      return since.compareTo(interval) >= 0;
    }
    boolean turned = applied.isEmpty() || (applied.getAsInt() == 0) != (next == 0);
    return since.compareTo(turned ? MIN_GAP : interval) >= 0;
  }
}
