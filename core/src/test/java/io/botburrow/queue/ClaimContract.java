package io.botburrow.queue;

import static io.botburrow.activation.RunnerPool.EXPLORATION;
import static io.botburrow.activation.RunnerPool.HYBRID;
import static io.botburrow.activation.RunnerPool.NOTIFICATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Claim: pools, priority, order, single flight per agent, follow-ups, waiting for work. */
public interface ClaimContract extends QueueContract {

  @Test
  default void claimsInEnqueueOrderWithinAKind() {
    Activation first = notification("carol", "n1");
    Activation second = notification("alice", "n2");
    Activation third = notification("bob", "n3");
    enqueue(first);
    enqueue(second);
    enqueue(third);

    assertThat(claimOrFail(NOTIFICATION, "r1").activation().id()).isEqualTo(first.id());
    assertThat(claimOrFail(NOTIFICATION, "r1").activation().id()).isEqualTo(second.id());
    assertThat(claimOrFail(NOTIFICATION, "r1").activation().id()).isEqualTo(third.id());
  }

  @Test
  default void notificationRunnerNeverGetsExplorationWork() {
    enqueue(exploration("alice"));

    assertThat(claim(NOTIFICATION, "r1")).isEmpty();
    assertThat(claimOrFail(EXPLORATION, "r2").activation().kind()).isEqualTo(ActivationKind.EXPLORATION);
  }

  @Test
  default void explorationRunnerNeverGetsNotificationWork() {
    enqueue(notification("alice", "n1"));

    assertThat(claim(EXPLORATION, "r1")).isEmpty();
    assertThat(claimOrFail(NOTIFICATION, "r2").activation().kind()).isEqualTo(ActivationKind.NOTIFICATION);
  }

  @Test
  default void hybridRunnerTakesNotificationsBeforeExploration() {
    enqueue(exploration("bob"));
    clock().advance(Duration.ofSeconds(1));
    enqueue(notification("alice", "n1"));

    assertThat(claimOrFail(HYBRID, "r1").activation().agent()).isEqualTo("alice");
    assertThat(claimOrFail(HYBRID, "r1").activation().agent()).isEqualTo("bob");
  }

  @Test
  default void neverRunsOneAgentTwiceAcrossRunners() {
    enqueue(notification("alice", "n1"));
    claimOrFail(NOTIFICATION, "r1");
    enqueue(notification("alice", "n2"));
    enqueue(notification("bob", "n3"));

    assertThat(claimOrFail(NOTIFICATION, "r2").activation().agent()).isEqualTo("bob");
    assertThat(claim(NOTIFICATION, "r3")).isEmpty();
  }

  @Test
  default void completeAndClaimEndsTheRunFirstSoTheSameAgentsFollowUpIsClaimable() {
    enqueue(notification("alice", "n1"));
    Lease first = claimOrFail(NOTIFICATION, "r1");
    enqueue(notification("alice", "n2"));
    assertThat(claim(NOTIFICATION, "r2")).isEmpty();

    Lease next = fixture().claims().completeAndClaim(first, NOTIFICATION, "r1", Duration.ZERO).orElseThrow();

    assertThat(next.activation().agent()).isEqualTo("alice");
    assertThat(next.activation().notificationIds()).containsExactly("n2");
    assertThat(next.activation().attempt()).isEqualTo(1);
    assertThat(fixture().claims().completeAndClaim(next, NOTIFICATION, "r1", Duration.ZERO)).isEmpty();
    assertThat(fixture().reaper().leaseHolders()).isEmpty();
    assertThat(fixture().admin().counters()).isEqualTo(new QueueCounters(0, 0, 0));
  }

  @Test
  default void completeAndClaimWithALostLeaseChangesNothingOfTheRedeliveryAndStillClaims() {
    enqueue(notification("alice", "n1"));
    Lease lost = claimOrFail(NOTIFICATION, "r1");
    clock().advance(fixture().settings().leaseDuration().plusSeconds(1));
    assertThat(fixture().reaper().reapExpiredLeases()).isEqualTo(1);
    Lease redelivered = claimOrFail(NOTIFICATION, "r2");
    enqueue(notification("bob", "n2"));

    Lease next = fixture().claims().completeAndClaim(lost, NOTIFICATION, "r1", Duration.ZERO).orElseThrow();

    assertThat(next.activation().agent()).isEqualTo("bob");
    // r2 still holds alice: the stale completion ended nothing
    assertThat(fixture().claims().renew(redelivered)).isPresent();
    assertThat(fixture().reaper().leaseHolders()).containsExactlyInAnyOrder("r1", "r2");
  }

  @Test
  default void neverRunsOneAgentTwiceAcrossKinds() {
    enqueue(notification("alice", "n1"));
    enqueue(exploration("alice"));
    Lease running = claimOrFail(HYBRID, "r1");

    assertThat(claim(EXPLORATION, "r2")).isEmpty();
    fixture().claims().complete(running);
    assertThat(claimOrFail(EXPLORATION, "r2").activation().agent()).isEqualTo("alice");
  }

  @Test
  default void foldsActivationsArrivingWhileTheAgentRunsIntoOneFollowUp() {
    enqueue(notification("alice", "n1"));
    Lease running = claimOrFail(NOTIFICATION, "r1");

    assertThat(enqueue(notification("alice", "n2"))).isEqualTo(EnqueueResult.ENQUEUED);
    assertThat(enqueue(notification("alice", "n3"))).isEqualTo(EnqueueResult.ALREADY_PENDING);
    assertThat(fixture().queue().depth(ActivationKind.NOTIFICATION)).isEqualTo(1);
    assertThat(claim(NOTIFICATION, "r2")).isEmpty();

    fixture().claims().complete(running);
    Lease followUp = claimOrFail(NOTIFICATION, "r2");
    assertThat(followUp.activation().notificationIds()).containsExactly("n2", "n3");
    assertThat(claim(NOTIFICATION, "r3")).isEmpty();
  }

  @Test
  default void waitingClaimReturnsWorkEnqueuedMeanwhile() throws Exception {
    CompletableFuture<Optional<Lease>> waiting =
        CompletableFuture.supplyAsync(() -> fixture().claims().claim(HYBRID, "r1", Duration.ofSeconds(10)));
    Activation activation = notification("alice", "n1");
    enqueue(activation);

    Optional<Lease> lease = waiting.get(5, TimeUnit.SECONDS);
    assertThat(lease).map(l -> l.activation().id()).contains(activation.id());
  }

  @Test
  default void waitingClaimReturnsEmptyWhenNothingArrives() {
    long start = System.nanoTime();
    assertThat(fixture().claims().claim(HYBRID, "r1", Duration.ofMillis(300))).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }
}
