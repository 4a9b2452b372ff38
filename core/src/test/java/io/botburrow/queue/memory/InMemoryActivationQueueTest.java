package io.botburrow.queue.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.queue.ActivationQueueContract;
import io.botburrow.queue.QueueFixture;
import io.botburrow.queue.QueueSettings;
import io.botburrow.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The activation protocol contract against the in-memory adapter. */
class InMemoryActivationQueueTest implements ActivationQueueContract {
  private QueueFixture fixture;

  @BeforeEach
  void createQueue() {
    MutableClock clock = new MutableClock();
    QueueSettings settings = QueueSettings.defaults();
    InMemoryActivationQueue queue = new InMemoryActivationQueue(settings, clock);
    fixture = new QueueFixture(queue, queue, queue, queue, new InMemoryEffectLedger(clock), clock, settings, queue::startTerm);
    queue.startTerm(TOKEN);
  }

  @Override
  public QueueFixture fixture() {
    return fixture;
  }

  @Test
  void forgetsAnEffectOnceItsTtlHasPassed() {
    fixture.ledger().tryRecord("reply:a1:n1", "post-1", Duration.ofMinutes(5));
    fixture.clock().advance(Duration.ofMinutes(5));

    assertThat(fixture.ledger().lookup("reply:a1:n1")).isEmpty();
    assertThat(fixture.ledger().tryRecord("reply:a1:n1", "post-2", Duration.ofMinutes(5))).isTrue();
  }
}
