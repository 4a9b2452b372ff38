package io.botburrow.queue;

import static io.botburrow.activation.RunnerPool.EXPLORATION;
import static io.botburrow.activation.RunnerPool.HYBRID;
import static io.botburrow.activation.RunnerPool.NOTIFICATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Failures: redelivery, dead letters, the per-agent circuit. Uses the default circuit (60 s, doubling). */
public interface FailureContract extends QueueContract {

  @Test
  default void redeliversAFailedActivationWithTheNextAttemptOnceTheCircuitAllows() {
    Activation activation = notification("alice", "n1");
    enqueue(activation);
    fixture().claims().fail(claimOrFail(NOTIFICATION, "r1"), "boom");

    assertThat(claim(NOTIFICATION, "r2")).isEmpty();
    clock().advance(Duration.ofSeconds(60));
    Lease retry = claimOrFail(NOTIFICATION, "r2");

    assertThat(retry.activation().id()).isEqualTo(activation.id());
    assertThat(retry.activation().attempt()).isEqualTo(2);
    assertThat(fixture().admin().counters().redeliveries()).isEqualTo(1);
  }

  @Test
  default void opensTheCircuitOnFailureBlocksTheAgentAndClosesOnSuccess() {
    enqueue(notification("alice", "n1"));
    enqueue(notification("bob", "n2"));
    Instant failedAt = clock().instant();
    fixture().claims().fail(claimOrFail(NOTIFICATION, "r1"), "boom");

    assertThat(fixture().admin().openCircuits())
        .containsExactly(new OpenCircuit("alice", 1, failedAt.plusSeconds(60)));
    assertThat(enqueue(exploration("alice"))).isEqualTo(EnqueueResult.CIRCUIT_OPEN);
    assertThat(fixture().queue().depth(ActivationKind.EXPLORATION)).isZero();
    assertThat(claimOrFail(HYBRID, "r2").activation().agent()).isEqualTo("bob");
    assertThat(claim(HYBRID, "r3")).isEmpty();

    clock().advance(Duration.ofSeconds(60));
    fixture().claims().complete(claimOrFail(HYBRID, "r3"));

    assertThat(fixture().admin().openCircuits()).isEmpty();
    assertThat(enqueue(exploration("alice"))).isEqualTo(EnqueueResult.ENQUEUED);
    assertThat(claimOrFail(EXPLORATION, "r4").activation().agent()).isEqualTo("alice");
  }

  @Test
  default void resetsAnOpenCircuitSoThatTheAgentsWorkIsClaimableAtOnce() {
    Activation activation = notification("alice", "n1");
    enqueue(activation);
    fixture().claims().fail(claimOrFail(NOTIFICATION, "r1"), "boom");
    assertThat(claim(NOTIFICATION, "r2")).isEmpty();

    assertThat(fixture().admin().resetCircuit("alice")).isTrue();

    assertThat(fixture().admin().openCircuits()).isEmpty();
    assertThat(claimOrFail(NOTIFICATION, "r2").activation().id()).isEqualTo(activation.id());
    assertThat(fixture().admin().resetCircuit("alice")).isFalse();
    assertThat(fixture().admin().resetCircuit("nobody")).isFalse();
  }

  @Test
  default void doublesTheCircuitBackoffWithConsecutiveFailures() {
    enqueue(notification("alice", "n1"));
    fixture().claims().fail(claimOrFail(NOTIFICATION, "r1"), "first");
    clock().advance(Duration.ofSeconds(60));
    Instant secondFailure = clock().instant();
    fixture().claims().fail(claimOrFail(NOTIFICATION, "r1"), "second");

    assertThat(fixture().admin().openCircuits())
        .containsExactly(new OpenCircuit("alice", 2, secondFailure.plusSeconds(120)));
    clock().advance(Duration.ofSeconds(119));
    assertThat(claim(NOTIFICATION, "r1")).isEmpty();
    clock().advance(Duration.ofSeconds(1));
    assertThat(claim(NOTIFICATION, "r1")).isPresent();
  }

  @Test
  default void aDeferredActivationWaitsOutItsDelaySameAttemptAndCountsNoFailure() {
    Activation activation = notification("alice", "n1");
    enqueue(activation);
    enqueue(notification("bob", "n2"));
    Lease lease = claimOrFail(NOTIFICATION, "r1");
    Instant deferredAt = clock().instant();
    fixture().claims().defer(lease, Duration.ofSeconds(5));

    assertThat(fixture().admin().openCircuits())
        .containsExactly(new OpenCircuit(lease.activation().agent(), 0, deferredAt.plusSeconds(5)));
    Lease other = claimOrFail(NOTIFICATION, "r2");
    assertThat(other.activation().agent()).isNotEqualTo(lease.activation().agent());
    assertThat(claim(NOTIFICATION, "r2")).isEmpty();
    clock().advance(Duration.ofSeconds(5));
    Lease again = claimOrFail(NOTIFICATION, "r2");

    assertThat(again.activation().id()).isEqualTo(lease.activation().id());
    assertThat(again.activation().attempt()).isEqualTo(1);
    assertThat(fixture().admin().openCircuits()).isEmpty();
    assertThat(fixture().admin().counters().redeliveries()).isZero();
    // a failure after the deferral is the agent's first
    Instant failedAt = clock().instant();
    fixture().claims().fail(again, "boom");
    assertThat(fixture().admin().openCircuits())
        .containsExactly(new OpenCircuit(lease.activation().agent(), 1, failedAt.plusSeconds(60)));
  }

  @Test
  default void aDeferralKeepsTheFailureCountOfAnEarlierFailureUntilASuccess() {
    enqueue(notification("alice", "n1"));
    fixture().claims().fail(claimOrFail(NOTIFICATION, "r1"), "boom");
    Instant failedAt = clock().instant();
    clock().advance(Duration.ofSeconds(60));
    Lease retry = claimOrFail(NOTIFICATION, "r1");
    fixture().claims().defer(retry, Duration.ofSeconds(5));
    assertThat(fixture().admin().openCircuits())
        .containsExactly(new OpenCircuit("alice", 1, failedAt.plusSeconds(65)));

    Lease after = claimAfter(Duration.ofSeconds(5));
    fixture().claims().complete(after);
    assertThat(fixture().admin().openCircuits()).isEmpty();
  }

  private Lease claimAfter(Duration delay) {
    assertThat(claim(NOTIFICATION, "r1")).isEmpty();
    clock().advance(delay);
    return claimOrFail(NOTIFICATION, "r1");
  }

  @Test
  default void holdsWorkOfTheOtherKindWhileTheCircuitIsOpen() {
    enqueue(notification("alice", "n1"));
    Lease lease = claimOrFail(HYBRID, "r1");
    enqueue(exploration("alice"));
    fixture().claims().fail(lease, "boom");

    assertThat(claim(EXPLORATION, "r2")).isEmpty();
    clock().advance(Duration.ofSeconds(60));
    assertThat(claimOrFail(EXPLORATION, "r2").activation().agent()).isEqualTo("alice");
  }

  @Test
  default void redeliveryAbsorbsAFollowUpThatArrivedWhileRunning() {
    Activation activation = notification("alice", "n1");
    enqueue(activation);
    Lease lease = claimOrFail(NOTIFICATION, "r1");
    enqueue(notification("alice", "n2"));
    fixture().claims().fail(lease, "boom");
    clock().advance(Duration.ofSeconds(60));

    Lease retry = claimOrFail(NOTIFICATION, "r2");
    assertThat(retry.activation().id()).isEqualTo(activation.id());
    assertThat(retry.activation().attempt()).isEqualTo(2);
    assertThat(retry.activation().notificationIds()).containsExactly("n1", "n2");
    assertThat(claim(NOTIFICATION, "r3")).isEmpty();
  }

  @Test
  default void deadLettersAfterMaxAttemptsWithTheLastError() {
    Activation activation = notification("alice", "n1");
    enqueue(activation);
    Instant lastFailure = failEveryAttempt();

    assertThat(fixture().admin().deadLetters(10))
        .singleElement()
        .satisfies(dead -> {
          assertThat(dead.activation().id()).isEqualTo(activation.id());
          assertThat(dead.activation().attempt()).isEqualTo(3);
          assertThat(dead.lastError()).isEqualTo("boom 3");
          assertThat(dead.deadAt()).isEqualTo(lastFailure);
        });
    assertThat(fixture().queue().depth(ActivationKind.NOTIFICATION)).isZero();
    assertThat(fixture().admin().counters()).isEqualTo(new QueueCounters(2, 0, 1));
    clock().advance(Duration.ofHours(1));
    assertThat(claim(HYBRID, "r1")).isEmpty();
  }

  @Test
  default void requeuesADeadLetterAsAFreshFirstAttempt() {
    Activation activation = notification("alice", "n1");
    enqueue(activation);
    failEveryAttempt();

    assertThat(fixture().admin().requeueDeadLetter(activation.id())).isTrue();
    assertThat(fixture().admin().requeueDeadLetter(activation.id())).isFalse();
    assertThat(fixture().admin().deadLetters(10)).isEmpty();
    clock().advance(Duration.ofHours(1));

    Lease lease = claimOrFail(NOTIFICATION, "r1");
    assertThat(lease.activation().id()).isEqualTo(activation.id());
    assertThat(lease.activation().attempt()).isEqualTo(1);
  }

  @Test
  default void deadLettersAnActivationWhoseLeasesKeepExpiring() {
    enqueue(notification("alice", "n1"));
    for (int attempt = 1; attempt <= fixture().settings().maxAttempts(); attempt++) {
      claimOrFail(NOTIFICATION, "r" + attempt);
      clock().advance(fixture().settings().leaseDuration().plusSeconds(1));
      assertThat(fixture().reaper().reapExpiredLeases()).isEqualTo(1);
    }

    assertThat(fixture().admin().deadLetters(10))
        .singleElement()
        .satisfies(dead -> assertThat(dead.lastError()).contains("lease expired").contains("r3"));
    assertThat(fixture().admin().counters()).isEqualTo(new QueueCounters(2, 3, 1));
    assertThat(fixture().admin().openCircuits()).isEmpty();
  }

  @Test
  default void recordsEachEffectOnce() {
    EffectLedger ledger = fixture().ledger();

    assertThat(ledger.tryRecord("reply:a1:n1", "post-1", Duration.ofDays(1))).isTrue();
    assertThat(ledger.tryRecord("reply:a1:n1", "post-2", Duration.ofDays(1))).isFalse();

    assertThat(ledger.lookup("reply:a1:n1")).contains("post-1");
    assertThat(ledger.lookup("reply:a1:n2")).isEmpty();
  }

  @Test
  default void replacesAnEffectOnlyFromTheExpectedValue() {
    EffectLedger ledger = fixture().ledger();
    ledger.tryRecord("claim:a1:n1", "act-1/1", Duration.ofMinutes(1));

    assertThat(ledger.replace("claim:a1:n1", "act-9/1", "act-9/2", Duration.ofMinutes(1))).isFalse();
    assertThat(ledger.replace("claim:a1:n1", "act-1/1", "act-1/2", Duration.ofMinutes(1))).isTrue();
    assertThat(ledger.replace("claim:a1:n1", "act-1/1", "act-1/3", Duration.ofMinutes(1))).isFalse();
    assertThat(ledger.replace("claim:a1:n2", "act-1/1", "act-1/2", Duration.ofMinutes(1))).isFalse();

    assertThat(ledger.lookup("claim:a1:n1")).contains("act-1/2");
    assertThat(ledger.lookup("claim:a1:n2")).isEmpty();
  }

  @Test
  default void removesAnEffectOnlyWithTheExpectedValue() {
    EffectLedger ledger = fixture().ledger();
    ledger.tryRecord("claim:a2:n1", "act-1/1", Duration.ofMinutes(1));

    assertThat(ledger.remove("claim:a2:n1", "act-2/1")).isFalse();
    assertThat(ledger.lookup("claim:a2:n1")).contains("act-1/1");
    assertThat(ledger.remove("claim:a2:n1", "act-1/1")).isTrue();
    assertThat(ledger.lookup("claim:a2:n1")).isEmpty();
    assertThat(ledger.remove("claim:a2:n1", "act-1/1")).isFalse();
    assertThat(ledger.tryRecord("claim:a2:n1", "act-3/1", Duration.ofMinutes(1))).isTrue();
  }

  /** Fails alice's activation on every attempt, waiting out the circuit; returns the last failure time. */
  private Instant failEveryAttempt() {
    Instant failedAt = clock().instant();
    for (int attempt = 1; attempt <= fixture().settings().maxAttempts(); attempt++) {
      clock().advance(Duration.ofHours(1));
      failedAt = clock().instant();
      fixture().claims().fail(claimOrFail(NOTIFICATION, "r1"), "boom " + attempt);
    }
    return failedAt;
  }
}
