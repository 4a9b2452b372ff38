package io.botburrow.coordinator.tenants;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.queue.EnqueueResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The queue as one tenant's duties see it: everything they enqueue carries the tenant. */
final class TenantQueue implements ActivationQueue {
  private final ActivationQueue queue;
  private final String tenant;

  TenantQueue(ActivationQueue queue, String tenant) {
    this.queue = queue;
    this.tenant = Activation.requireTenantName(tenant);
  }

  @Override
  public EnqueueResult enqueue(Activation activation, long fencingToken) {
    return queue.enqueue(activation.withTenant(tenant), fencingToken);
  }

  @Override
  public List<EnqueueResult> enqueueAll(List<Activation> activations, long fencingToken) {
    return queue.enqueueAll(activations.stream().map(a -> a.withTenant(tenant)).toList(), fencingToken);
  }

  @Override
  public EnqueueResult submit(Activation activation) {
    return queue.submit(activation.withTenant(tenant));
  }

  @Override
  public long depth(ActivationKind kind) {
    return queue.depth(kind);
  }

  @Override
  public Optional<Duration> oldestAge(ActivationKind kind) {
    return queue.oldestAge(kind);
  }
}
