package io.botburrow.queue;

import static io.botburrow.activation.RunnerPool.EXPLORATION;
import static io.botburrow.activation.RunnerPool.HYBRID;
import static io.botburrow.activation.RunnerPool.NOTIFICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import io.botburrow.testing.Activations;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Keyed kinds: dedup by trigger key, several per agent in order, ingress, priority and aging. */
public interface TriggerContract extends QueueContract {

  default Activation triggered(String agent, ActivationKind kind, String key) {
    return Activations.triggered(clock(), agent, kind, key);
  }

  @Test
  default void enqueuesATriggerKeyOnlyOnce() {
    assertThat(enqueue(triggered("ops", ActivationKind.SCHEDULE, "schedule:ops:0:1000"))).isEqualTo(EnqueueResult.ENQUEUED);
    assertThat(enqueue(triggered("ops", ActivationKind.SCHEDULE, "schedule:ops:0:1000"))).isEqualTo(EnqueueResult.DUPLICATE);

    assertThat(fixture().queue().depth(ActivationKind.SCHEDULE)).isEqualTo(1);
  }

  @Test
  default void remembersATriggerKeyAfterItsWorkRan() {
    enqueue(triggered("ops", ActivationKind.WEBHOOK, "webhook:ops:gh:d1"));
    fixture().claims().complete(claimOrFail(NOTIFICATION, "r1"));

    assertThat(fixture().queue().submit(triggered("ops", ActivationKind.WEBHOOK, "webhook:ops:gh:d1")))
        .isEqualTo(EnqueueResult.DUPLICATE);
    assertThat(claim(NOTIFICATION, "r1")).isEmpty();
  }

  @Test
  default void forgetsATriggerKeyAfterItsDedupWindow() {
    enqueue(triggered("ops", ActivationKind.WEBHOOK, "webhook:ops:gh:d1"));
    fixture().claims().complete(claimOrFail(NOTIFICATION, "r1"));
    clock().advance(Duration.ofHours(25));

    assertThat(enqueue(triggered("ops", ActivationKind.WEBHOOK, "webhook:ops:gh:d1"))).isEqualTo(EnqueueResult.ENQUEUED);
  }

  @Test
  default void runsSeveralTriggersOfOneAgentOneAfterTheOtherInOrder() {
    Activation first = triggered("ops", ActivationKind.MESSAGE, "m1");
    enqueue(first);
    clock().advance(Duration.ofMillis(5));
    Activation second = triggered("ops", ActivationKind.MESSAGE, "m2");
    enqueue(second);
    clock().advance(Duration.ofMillis(5));
    Activation third = triggered("ops", ActivationKind.MESSAGE, "m3");
    enqueue(third);
    assertThat(fixture().queue().depth(ActivationKind.MESSAGE)).isEqualTo(3);

    Lease lease = claimOrFail(NOTIFICATION, "r1");
    assertThat(lease.activation().id()).isEqualTo(first.id());
    assertThat(claim(NOTIFICATION, "r2")).as("single flight").isEmpty();
    fixture().claims().complete(lease);
    lease = claimOrFail(NOTIFICATION, "r2");
    assertThat(lease.activation().id()).isEqualTo(second.id());
    fixture().claims().complete(lease);
    assertThat(claimOrFail(NOTIFICATION, "r1").activation().id()).isEqualTo(third.id());
  }

  @Test
  default void keepsTheTriggerAcrossTheQueue() {
    Activation sent = triggered("ops", ActivationKind.WEBHOOK, "webhook:ops:gh:\"quoted\" \"id\":\"x\"");

    enqueue(sent);

    Activation claimed = claimOrFail(NOTIFICATION, "r1").activation();
    assertThat(claimed).isEqualTo(sent);
    assertThat(claimed.trigger().prompt()).isEqualTo(sent.trigger().prompt());
  }

  @Test
  default void redeliversFailedTriggerWorkBeforeTheAgentsLaterWork() {
    Activation first = triggered("ops", ActivationKind.MESSAGE, "m1");
    enqueue(first);
    clock().advance(Duration.ofMillis(5));
    enqueue(triggered("ops", ActivationKind.MESSAGE, "m2"));

    fixture().claims().release(claimOrFail(NOTIFICATION, "r1"));

    Lease again = claimOrFail(NOTIFICATION, "r1");
    assertThat(again.activation().id()).isEqualTo(first.id());
    fixture().claims().complete(again);
    assertThat(claimOrFail(NOTIFICATION, "r1").activation().trigger().key()).isEqualTo("m2");
  }

  @Test
  default void acceptsIngressOnlyForKeyedKindsAndWithinATerm() {
    assertThatThrownBy(() -> fixture().queue().submit(notification("alice", "n1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(fixture().queue().submit(triggered("ops", ActivationKind.MESSAGE, "m1"))).isEqualTo(EnqueueResult.ENQUEUED);
  }

  @Test
  default void keepsKeyedWorkWhileTheAgentsCircuitIsOpen() {
    enqueue(triggered("ops", ActivationKind.MESSAGE, "m1"));
    fixture().claims().fail(claimOrFail(NOTIFICATION, "r1"), "boom");

    assertThat(enqueue(triggered("ops", ActivationKind.MESSAGE, "m2"))).isEqualTo(EnqueueResult.ENQUEUED);
    assertThat(claim(NOTIFICATION, "r1")).isEmpty();

    clock().advance(Duration.ofHours(2));
    Lease retried = claimOrFail(NOTIFICATION, "r1");
    assertThat(retried.activation().trigger().key()).isEqualTo("m1");
  }

  @Test
  default void claimsByPriorityMessagesWebhooksDelegationsSchedulesExploration() {
    enqueue(exploration("e"));
    enqueue(triggered("s", ActivationKind.SCHEDULE, "s1"));
    enqueue(triggered("d", ActivationKind.DELEGATION, "d1"));
    enqueue(triggered("w", ActivationKind.WEBHOOK, "w1"));
    enqueue(triggered("m", ActivationKind.MESSAGE, "m1"));

    assertThat(claimOrFail(HYBRID, "r").activation().agent()).isEqualTo("m");
    assertThat(claimOrFail(HYBRID, "r").activation().agent()).isEqualTo("w");
    assertThat(claimOrFail(HYBRID, "r").activation().agent()).isEqualTo("d");
    assertThat(claimOrFail(HYBRID, "r").activation().agent()).isEqualTo("s");
    assertThat(claimOrFail(HYBRID, "r").activation().agent()).isEqualTo("e");
  }

  @Test
  default void servesSchedulesToExplorationPoolsAndTheRestToNotificationPools() {
    enqueue(triggered("s", ActivationKind.SCHEDULE, "s1"));
    enqueue(triggered("w", ActivationKind.WEBHOOK, "w1"));

    assertThat(claimOrFail(EXPLORATION, "r").activation().agent()).isEqualTo("s");
    assertThat(claim(EXPLORATION, "r")).isEmpty();
    assertThat(claimOrFail(NOTIFICATION, "r").activation().agent()).isEqualTo("w");
  }

  @Test
  default void promotesWorkThatWaitedSoNothingStarves() {
    enqueue(exploration("old"));
    clock().advance(fixture().settings().promoteAfter().multipliedBy(5));
    enqueue(notification("fresh", "n1"));

    assertThat(claimOrFail(HYBRID, "r").activation().agent()).isEqualTo("old");
  }

  @Test
  default void anAgentWithMessagesWaitingStillTakesItsMentionsInTurn() {
    enqueue(triggered("ops", ActivationKind.MESSAGE, "m1"));
    clock().advance(Duration.ofMillis(5));
    enqueue(notification("ops", "n1"));

    fixture().claims().complete(claimOrFail(HYBRID, "r"));
    assertThat(claimOrFail(HYBRID, "r").activation().kind()).isEqualTo(ActivationKind.NOTIFICATION);
  }
}
