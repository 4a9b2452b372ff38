package io.botburrow.queue;

import static io.botburrow.activation.RunnerPool.HYBRID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.RunnerPool;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Enqueue: one pending activation per (agent, kind), merged notifications, fencing. */
public interface EnqueueContract extends QueueContract {

  @Test
  default void keepsOnePendingActivationPerAgentAndKindHoweverOftenPolled() {
    assertThat(enqueue(notification("alice", "n1"))).isEqualTo(EnqueueResult.ENQUEUED);
    assertThat(enqueue(notification("alice", "n1"))).isEqualTo(EnqueueResult.ALREADY_PENDING);
    assertThat(enqueue(notification("alice", "n1"))).isEqualTo(EnqueueResult.ALREADY_PENDING);

    assertThat(fixture().queue().depth(ActivationKind.NOTIFICATION)).isEqualTo(1);
    assertThat(claim(HYBRID, "r1")).isPresent();
    assertThat(claim(HYBRID, "r2")).isEmpty();
  }

  @Test
  default void keepsNotificationAndExplorationOfOneAgentApart() {
    assertThat(enqueue(notification("alice", "n1"))).isEqualTo(EnqueueResult.ENQUEUED);
    assertThat(enqueue(exploration("alice"))).isEqualTo(EnqueueResult.ENQUEUED);

    assertThat(fixture().queue().depth(ActivationKind.NOTIFICATION)).isEqualTo(1);
    assertThat(fixture().queue().depth(ActivationKind.EXPLORATION)).isEqualTo(1);
  }

  @Test
  default void mergesNewNotificationIdsIntoThePendingActivation() {
    Activation first = notification("alice", "n1", "n2");
    enqueue(first);
    assertThat(enqueue(notification("alice", "n2", "n3"))).isEqualTo(EnqueueResult.ALREADY_PENDING);

    Lease lease = claimOrFail(RunnerPool.NOTIFICATION, "r1");
    assertThat(lease.activation().id()).isEqualTo(first.id());
    assertThat(lease.activation().notificationIds()).containsExactly("n1", "n2", "n3");
  }

  @Test
  default void returnsTheActivationAsEnqueued() {
    Activation explore = exploration("bob");
    enqueue(explore);

    Lease lease = claimOrFail(HYBRID, "r1");

    assertThat(lease.activation()).isEqualTo(explore);
    assertThat(lease.runnerId()).isEqualTo("r1");
    assertThat(lease.expiresAt()).isEqualTo(clock().instant().plus(fixture().settings().leaseDuration()));
  }

  @Test
  default void acceptsOnlyTheCurrentTermsFencingToken() {
    ActivationQueue queue = fixture().queue();
    fixture().startTerm().accept(5);
    assertThat(queue.enqueue(notification("alice", "n1"), 5)).isEqualTo(EnqueueResult.ENQUEUED);

    assertThatThrownBy(() -> queue.enqueue(notification("bob", "n2"), 4))
        .isInstanceOf(FencedOutException.class)
        .hasMessageContaining("4")
        .hasMessageContaining("5");
    assertThat(queue.depth(ActivationKind.NOTIFICATION)).isEqualTo(1);
    fixture().startTerm().accept(6);
    assertThat(queue.enqueue(notification("bob", "n2"), 6)).isEqualTo(EnqueueResult.ENQUEUED);
    assertThatThrownBy(() -> queue.enqueue(notification("carol", "n3"), 5))
        .isInstanceOf(FencedOutException.class);
    // a token above the current term's can only be a deposed leader's from before the backend lost its state
    assertThatThrownBy(() -> queue.enqueue(notification("dave", "n4"), 7))
        .isInstanceOf(FencedOutException.class);
    assertThat(queue.depth(ActivationKind.NOTIFICATION)).isEqualTo(2);
  }

  @Test
  default void enqueuesABatchWithOneResultPerActivationInOrder() {
    Activation alice = notification("alice", "n1");
    java.util.List<EnqueueResult> results =
        fixture().queue().enqueueAll(
            java.util.List.of(alice, notification("bob", "n2"), notification("alice", "n3"), exploration("alice")), TOKEN);

    assertThat(results)
        .containsExactly(
            EnqueueResult.ENQUEUED, EnqueueResult.ENQUEUED, EnqueueResult.ALREADY_PENDING, EnqueueResult.ENQUEUED);
    Lease lease = claimOrFail(RunnerPool.NOTIFICATION, "r1");
    assertThat(lease.activation().id()).isEqualTo(alice.id());
    assertThat(lease.activation().notificationIds()).containsExactly("n1", "n3");
    assertThatThrownBy(() -> fixture().queue().enqueueAll(java.util.List.of(notification("carol", "n4")), TOKEN - 1))
        .isInstanceOf(FencedOutException.class);
  }

  @Test
  default void reportsDepthAndAgeOfTheOldestPendingActivation() {
    assertThat(fixture().queue().oldestAge(ActivationKind.NOTIFICATION)).isEmpty();
    enqueue(notification("alice", "n1"));
    clock().advance(Duration.ofSeconds(3));
    enqueue(notification("bob", "n2"));
    clock().advance(Duration.ofSeconds(2));

    assertThat(fixture().queue().depth(ActivationKind.NOTIFICATION)).isEqualTo(2);
    assertThat(fixture().queue().oldestAge(ActivationKind.NOTIFICATION)).contains(Duration.ofSeconds(5));
    assertThat(fixture().admin().oldestAge(ActivationKind.NOTIFICATION)).contains(Duration.ofSeconds(5));
    assertThat(fixture().queue().oldestAge(ActivationKind.EXPLORATION)).isEmpty();
  }
}
