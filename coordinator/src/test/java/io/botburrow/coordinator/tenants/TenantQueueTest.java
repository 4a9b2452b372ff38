package io.botburrow.coordinator.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.activation.Activation;
import io.botburrow.activation.RunnerPool;
import io.botburrow.queue.QueueSettings;
import io.botburrow.queue.memory.InMemoryActivationQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantQueueTest {
  @Test
  void whatATenantsDutiesEnqueueCarriesTheTenant() {
    InMemoryActivationQueue queue = new InMemoryActivationQueue(QueueSettings.defaults(), Clock.systemUTC());
    queue.startTerm(1);
    TenantQueue beta = new TenantQueue(queue, "beta");

    beta.enqueue(Activation.notification("echo-agent", "1 unread", List.of(), Instant.now()), 1);
    beta.enqueueAll(List.of(Activation.exploration("scout", "quiet", null, Instant.now())), 1);

    assertThat(List.of(queue.claim(RunnerPool.HYBRID, "r1", Duration.ZERO).orElseThrow().activation(),
        queue.claim(RunnerPool.HYBRID, "r1", Duration.ZERO).orElseThrow().activation()))
        .extracting(Activation::agent, Activation::tenant)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("echo-agent", "beta"),
            org.assertj.core.groups.Tuple.tuple("scout", "beta"));
  }
}
