package io.botburrow.runner.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WatchdogTest {
  private final Watchdog watchdog = new Watchdog(Clock.systemUTC());

  @AfterEach
  void close() {
    watchdog.close();
  }

  @Test
  void interruptsABlockedActivationAtItsDeadlineAndSaysItFired() throws Exception {
    AtomicBoolean interrupted = new AtomicBoolean();
    CountDownLatch armed = new CountDownLatch(1);
    Watchdog.Timer[] timer = new Watchdog.Timer[1];
    Thread worker = Thread.ofVirtual().start(() -> {
      timer[0] = watchdog.arm(Thread.currentThread(), Instant.now().plusMillis(200));
      armed.countDown();
      try {
        Thread.sleep(Duration.ofSeconds(30));
      } catch (InterruptedException e) {
        interrupted.set(true);
      }
    });
    armed.await(5, TimeUnit.SECONDS);

    assertThat(worker.join(Duration.ofSeconds(5))).isTrue();
    assertThat(interrupted).isTrue();
    assertThat(timer[0].fired()).isTrue();
  }

  @Test
  void aClosedTimerNeverInterrupts() throws Exception {
    Watchdog.Timer timer = watchdog.arm(Thread.currentThread(), Instant.now().plusMillis(100));
    timer.close();

    Thread.sleep(300);

    assertThat(Thread.interrupted()).isFalse();
    assertThat(timer.fired()).isFalse();
  }

  @Test
  void aDeadlineAlreadyPassedFiresAtOnce() {
    Watchdog.Timer timer = watchdog.arm(Thread.currentThread(), Instant.now().minusSeconds(1));

    await().atMost(Duration.ofSeconds(2)).until(timer::fired);
    assertThat(Thread.interrupted()).isTrue();
  }
}
