package io.botburrow.runner.sandbox.docker;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Decides whether a labelled container or volume is an orphan to remove. Pure.
 *
 * <ul>
 *   <li>never what is not {@code io.botburrow.managed=true}, nor what this process still uses;
 *   <li>anything whose {@code io.botburrow.expires-at} has passed (an unreadable expiry counts as passed);
 *   <li>anything of a runner that is not alive (a missing runner label counts as not alive). This
 *       process's runner is alive by definition, whatever the predicate says.
 * </ul>
 */
public final class OrphanPolicy {
  private final String ownRunnerId;
  private final Predicate<String> runnerAlive;

  public OrphanPolicy(String ownRunnerId, Predicate<String> runnerAlive) {
    this.ownRunnerId = ownRunnerId;
    this.runnerAlive = runnerAlive;
  }

  public boolean shouldReap(Map<String, String> labels, Instant now, boolean inUseHere) {
    if (labels == null || !"true".equals(labels.get(ManagedLabels.MANAGED)) || inUseHere) {
      return false;
    }
    if (expired(labels.get(ManagedLabels.EXPIRES_AT), now)) {
      return true;
    }
    String runner = labels.get(ManagedLabels.RUNNER);
    if (runner == null) {
      return true;
    }
    return !runner.equals(ownRunnerId) && !runnerAlive.test(runner);
  }

  private static boolean expired(String expiresAt, Instant now) {
    if (expiresAt == null) {
      return true;
    }
    try {
      return Instant.parse(expiresAt).isBefore(now);
    } catch (DateTimeParseException e) {
      return true;
    }
  }
}
