package io.botburrow.cli.bench;

import io.botburrow.queue.Lease;
import io.botburrow.runner.ClaimObserver;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every claim the runner made, per agent, with the moment it was claimed and when it had been enqueued. */
final class ClaimLog implements ClaimObserver {
  /** One claim: when the coordinator enqueued the activation and when a runner claimed it. */
  record Claim(Instant enqueuedAt, Instant claimedAt) {}

  private final Map<String, List<Claim>> byAgent = new ConcurrentHashMap<>();

  @Override
  public void claimed(Lease lease, Instant claimedAt) {
    byAgent.computeIfAbsent(lease.activation().agent(), a -> new CopyOnWriteArrayList<>())
        .add(new Claim(lease.activation().enqueuedAt(), claimedAt));
  }

  /** The first claim of {@code agent} at or after {@code since}: the one that picked up work created then. */
  Optional<Claim> firstClaimSince(String agent, Instant since) {
    return byAgent.getOrDefault(agent, List.of()).stream()
        .filter(c -> !c.claimedAt().isBefore(since))
        .min(java.util.Comparator.comparing(Claim::claimedAt));
  }

  void clear() {
    byAgent.clear();
  }
}
