package io.botburrow.queue;

import static io.botburrow.activation.RunnerPool.NOTIFICATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.activation.Activation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Tenants: agents of two tenants may share a name, and the queue keeps their single flight, leases, circuits and dead
 * letters apart under each agent's queue key ({@code tenant/agent} outside the default tenant).
 */
public interface TenantContract extends QueueContract {

  @Test
  default void sameNamedAgentsOfTwoTenantsRunAtOnce() {
    Activation ours = notification("alice", "n1");
    Activation theirs = notification("alice", "n2").withTenant("other");
    assertThat(enqueue(ours)).isEqualTo(EnqueueResult.ENQUEUED);
    assertThat(enqueue(theirs)).isEqualTo(EnqueueResult.ENQUEUED);

    Lease first = claimOrFail(NOTIFICATION, "r1");
    Lease second = claimOrFail(NOTIFICATION, "r2");

    assertThat(List.of(first.activation().tenant(), second.activation().tenant()))
        .containsExactlyInAnyOrder(Activation.DEFAULT_TENANT, "other");
    assertThat(fixture().admin().runningLeases()).extracting(RunningLease::agent)
        .containsExactlyInAnyOrder("alice", "other/alice");
    // each still runs one at a time: the next mention of other's alice waits for its run
    assertThat(enqueue(notification("alice", "n3").withTenant("other"))).isEqualTo(EnqueueResult.ENQUEUED);
    assertThat(claim(NOTIFICATION, "r3")).isEmpty();
    fixture().claims().complete(first.activation().tenant().equals("other") ? first : second);
    Lease next = claimOrFail(NOTIFICATION, "r3");
    assertThat(next.activation().tenant()).isEqualTo("other");
    assertThat(next.activation().notificationIds()).containsExactly("n3");
  }

  @Test
  default void aTenantsAgentHasACircuitOfItsOwn() {
    enqueue(notification("alice", "n1").withTenant("other"));
    Instant failedAt = clock().instant();
    fixture().claims().fail(claimOrFail(NOTIFICATION, "r1"), "boom");

    assertThat(fixture().admin().openCircuits()).containsExactly(new OpenCircuit("other/alice", 1, failedAt.plusSeconds(60)));
    assertThat(enqueue(notification("alice", "n2").withTenant("other"))).isEqualTo(EnqueueResult.CIRCUIT_OPEN);
    assertThat(enqueue(notification("alice", "n3"))).isEqualTo(EnqueueResult.ENQUEUED);
    assertThat(claimOrFail(NOTIFICATION, "r2").activation().tenant()).isEqualTo(Activation.DEFAULT_TENANT);

    assertThat(fixture().admin().resetCircuit("alice")).isFalse();
    assertThat(fixture().admin().resetCircuit("other/alice")).isTrue();
    assertThat(fixture().admin().openCircuits()).isEmpty();
  }

  @Test
  default void aRequeuedDeadLetterReturnsToItsTenantsAgent() {
    Activation theirs = notification("alice", "n1").withTenant("other");
    enqueue(theirs);
    for (int attempt = 1; attempt <= fixture().settings().maxAttempts(); attempt++) {
      clock().advance(Duration.ofHours(1));
      fixture().claims().fail(claimOrFail(NOTIFICATION, "r1"), "boom " + attempt);
    }
    assertThat(fixture().admin().deadLetters(10)).singleElement()
        .satisfies(dead -> assertThat(dead.activation().tenant()).isEqualTo("other"));
    clock().advance(Duration.ofHours(1));

    assertThat(fixture().admin().requeueDeadLetter(theirs.id())).isTrue();
    Lease lease = claimOrFail(NOTIFICATION, "r2");
    assertThat(lease.activation().id()).isEqualTo(theirs.id());
    assertThat(lease.activation().tenant()).isEqualTo("other");
    // it runs under other's alice: the default tenant's alice is not held behind it
    enqueue(notification("alice", "n2"));
    Optional<Lease> ours = claim(NOTIFICATION, "r3");
    assertThat(ours).hasValueSatisfying(l -> assertThat(l.activation().tenant()).isEqualTo(Activation.DEFAULT_TENANT));
    fixture().claims().complete(lease);
    assertThat(fixture().admin().runningLeases()).extracting(RunningLease::agent).containsExactly("alice");
  }
}
