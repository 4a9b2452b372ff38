package io.botburrow.queue;

import static io.botburrow.activation.RunnerPool.HYBRID;
import static io.botburrow.activation.RunnerPool.NOTIFICATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.activation.Activation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Leases: heartbeat, expiry and redelivery, release. */
public interface LeaseContract extends QueueContract {

  @Test
  default void renewExtendsTheLease() {
    enqueue(notification("alice", "n1"));
    Lease lease = claimOrFail(NOTIFICATION, "r1");
    clock().advance(Duration.ofSeconds(50));

    Lease renewed = fixture().claims().renew(lease).orElseThrow();
    clock().advance(Duration.ofSeconds(50));

    assertThat(renewed.expiresAt()).isEqualTo(clock().instant().plusSeconds(10));
    assertThat(fixture().reaper().reapExpiredLeases()).isZero();
    assertThat(fixture().admin().runningLeases())
        .singleElement()
        .satisfies(running -> assertThat(running.leaseExpiresAt()).isEqualTo(renewed.expiresAt()));
  }

  @Test
  default void redeliversActivationWhenLeaseExpires() {
    Activation activation = notification("alice", "n1");
    enqueue(activation);
    Lease lost = claimOrFail(NOTIFICATION, "r1");
    clock().advance(fixture().settings().leaseDuration().plusSeconds(1));

    assertThat(fixture().reaper().reapExpiredLeases()).isEqualTo(1);
    Lease redelivered = claimOrFail(NOTIFICATION, "r2");

    assertThat(redelivered.activation().id()).isEqualTo(activation.id());
    assertThat(redelivered.activation().attempt()).isEqualTo(2);
    assertThat(redelivered.activation().notificationIds()).containsExactly("n1");
    assertThat(fixture().admin().counters()).isEqualTo(new QueueCounters(1, 1, 0));
    assertThat(fixture().claims().renew(lost)).isEmpty();
  }

  @Test
  default void takesBackTheWorkOfADeadRunnerAtOnceAndLeavesOtherRunnersAlone() {
    Activation alice = notification("alice", "n1");
    enqueue(alice);
    enqueue(notification("bob", "n2"));
    Lease dead = claimOrFail(NOTIFICATION, "r1");
    Lease alive = claimOrFail(NOTIFICATION, "r2");
    assertThat(fixture().reaper().leaseHolders()).containsExactlyInAnyOrder("r1", "r2");

    assertThat(fixture().reaper().reapLeasesOf("r1")).isEqualTo(1);
    assertThat(fixture().reaper().reapLeasesOf("r1")).isZero();

    Lease redelivered = claimOrFail(NOTIFICATION, "r3");
    assertThat(redelivered.activation().id()).isEqualTo(alice.id());
    assertThat(redelivered.activation().attempt()).isEqualTo(2);
    assertThat(fixture().claims().renew(dead)).isEmpty();
    assertThat(fixture().claims().renew(alive)).isPresent();
    assertThat(fixture().reaper().leaseHolders()).containsExactlyInAnyOrder("r2", "r3");
    assertThat(fixture().admin().counters().redeliveries()).isEqualTo(1);
  }

  @Test
  default void deadLettersTheWorkOfADeadRunnerWhenItWasTheLastAttempt() {
    enqueue(notification("alice", "n1"));
    for (int attempt = 1; attempt <= fixture().settings().maxAttempts(); attempt++) {
      assertThat(claimOrFail(NOTIFICATION, "r" + attempt).activation().attempt()).isEqualTo(attempt);
      fixture().reaper().reapLeasesOf("r" + attempt);
    }

    assertThat(claim(NOTIFICATION, "r9")).isEmpty();
    assertThat(fixture().admin().deadLetters(10)).singleElement()
        .satisfies(letter -> assertThat(letter.lastError()).contains("r3"));
  }

  @Test
  default void finishingALostLeaseLeavesTheNewHolderAlone() {
    enqueue(notification("alice", "n1"));
    Lease lost = claimOrFail(NOTIFICATION, "r1");
    clock().advance(fixture().settings().leaseDuration().plusSeconds(1));
    fixture().reaper().reapExpiredLeases();
    Lease current = claimOrFail(NOTIFICATION, "r2");

    fixture().claims().complete(lost);
    fixture().claims().fail(lost, "late");
    fixture().claims().release(lost);

    assertThat(fixture().admin().runningLeases())
        .singleElement()
        .satisfies(running -> {
          assertThat(running.runnerId()).isEqualTo("r2");
          assertThat(running.attempt()).isEqualTo(2);
        });
    assertThat(fixture().claims().renew(current)).isPresent();
    assertThat(fixture().admin().openCircuits()).isEmpty();
  }

  @Test
  default void releaseRedeliversAtOnceAheadOfOlderWorkWithTheSameAttempt() {
    enqueue(notification("alice", "n1"));
    Lease lease = claimOrFail(NOTIFICATION, "r1");
    enqueue(notification("bob", "n2"));

    fixture().claims().release(lease);

    Lease again = claimOrFail(NOTIFICATION, "r2");
    assertThat(again.activation().agent()).isEqualTo("alice");
    assertThat(again.activation().attempt()).isEqualTo(1);
    assertThat(fixture().admin().counters().redeliveries()).isZero();
  }

  @Test
  default void releaseKeepsAFollowUpThatArrivedMeanwhile() {
    enqueue(notification("alice", "n1"));
    Lease lease = claimOrFail(NOTIFICATION, "r1");
    enqueue(notification("alice", "n2"));

    fixture().claims().release(lease);

    Lease again = claimOrFail(HYBRID, "r2");
    assertThat(again.activation().notificationIds()).containsExactly("n1", "n2");
    assertThat(claim(HYBRID, "r3")).isEmpty();
  }

  @Test
  default void listsRunningLeasesForOperators() {
    enqueue(exploration("alice"));
    Lease lease = claimOrFail(HYBRID, "runner-7");

    assertThat(fixture().admin().runningLeases())
        .containsExactly(
            new RunningLease(
                "alice",
                lease.activation().id(),
                lease.activation().kind(),
                "runner-7",
                1,
                lease.expiresAt()));
  }
}
