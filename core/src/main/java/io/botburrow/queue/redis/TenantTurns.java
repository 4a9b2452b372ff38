package io.botburrow.queue.redis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Smooth weighted round robin over tenants (as nginx balances upstreams, and as Temporal's fairness keys
 * share a task queue): each turn every tenant gains its weight, the tenant with the most credit goes first
 * and, once served, pays the turn's total. A tenant that turned out to have no work takes no part in the
 * turn (its gain is taken back), so an idle tenant saves no credit for later bursts and a busy one never
 * waits for an idle one. Over any stretch where tenants have work, each gets claims in proportion to its
 * weight, spread evenly rather than in runs.
 */
final class TenantTurns {
  private final List<String> tenants;
  private final int[] weights;
  private final long[] credit;

  TenantTurns(List<String> tenants, List<Integer> weights) {
    this.tenants = List.copyOf(tenants);
    this.weights = weights.stream().mapToInt(Integer::intValue).toArray();
    this.credit = new long[this.weights.length];
  }

  /** A turn: tenants in the order to try, most credit first. */
  final class Turn {
    private final List<Integer> order;
    private long skippedWeight;

    private Turn(List<Integer> order) {
      this.order = order;
    }

    List<String> tenants() {
      return order.stream().map(TenantTurns.this.tenants::get).toList();
    }

    /** {@code tenant} had no work: it takes no part in this turn. */
    void skipped(String tenant) {
      synchronized (TenantTurns.this) {
        int i = tenants.indexOf(tenant);
        credit[i] -= weights[i];
        skippedWeight += weights[i];
      }
    }

    /** {@code tenant} was served: it pays for the turn of every tenant that took part. */
    void served(String tenant) {
      synchronized (TenantTurns.this) {
        int i = tenants.indexOf(tenant);
        long total = 0;
        for (int weight : weights) {
          total += weight;
        }
        credit[i] -= total - skippedWeight;
      }
    }
  }

  synchronized Turn next() {
    List<Integer> order = new ArrayList<>(IntStream.range(0, weights.length).boxed().toList());
    for (int i = 0; i < weights.length; i++) {
      credit[i] += weights[i];
    }
    order.sort(Comparator.<Integer>comparingLong(i -> -credit[i]).thenComparingInt(i -> i));
    return new Turn(order);
  }
}
