package io.botburrow.queue.memory;

import static io.botburrow.testing.Activations.exploration;
import static io.botburrow.testing.Activations.notification;
import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.RunnerPool;
import io.botburrow.queue.QueueSettings;
import io.botburrow.testing.MutableClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClaimOrderTest {
  private final MutableClock clock = new MutableClock();
  private final ClaimOrder order = new ClaimOrder(QueueSettings.defaults(), clock);

  @Test
  void workEnqueuedInOneMillisecondKeepsItsOrder() {
    Activation first = notification(clock, "alice");
    Activation second = notification(clock, "bob");

    long a = order.next(first);
    long b = order.next(second);

    assertThat(ClaimOrder.base(first)).isLessThanOrEqualTo(a);
    assertThat(b).isGreaterThan(a);
  }

  @Test
  void releasedWorkGoesAheadOfItsKindsFirstWork() {
    Activation released = notification(clock, "alice");
    long base = ClaimOrder.base(released);

    assertThat(ClaimOrder.released(released, Optional.empty())).isEqualTo(base);
    assertThat(ClaimOrder.released(released, Optional.of(base + 5))).isEqualTo(base);
    assertThat(ClaimOrder.released(released, Optional.of(base - 5))).isEqualTo(base - 6);
  }

  @Test
  void theBestRankOfClaimableWorkGoesFirst() {
    PendingWork pending = explorationThenNotification(Duration.ofMinutes(3));

    assertThat(order.nextKind(RunnerPool.HYBRID, pending, agent -> true)).contains(ActivationKind.NOTIFICATION);
    assertThat(order.nextKind(RunnerPool.HYBRID, pending, agent -> !agent.equals("alice")))
        .contains(ActivationKind.EXPLORATION);
    assertThat(order.nextKind(RunnerPool.HYBRID, pending, agent -> false)).isEmpty();
  }

  @Test
  void workThatWaitedClimbsOneRankPerPromotionInterval() {
    PendingWork pending = explorationThenNotification(Duration.ofMinutes(5));

    assertThat(order.nextKind(RunnerPool.HYBRID, pending, agent -> true)).contains(ActivationKind.EXPLORATION);
  }

  // an exploration (rank 4), then after {@code gap} a notification (rank 0) of alice
  private PendingWork explorationThenNotification(Duration gap) {
    PendingWork pending = new PendingWork();
    Activation explore = exploration(clock, "explorer");
    pending.put(explore, order.next(explore));
    clock.advance(gap);
    Activation mention = notification(clock, "alice");
    pending.put(mention, order.next(mention));
    return pending;
  }
}
