package io.botburrow.runner.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The runner's view of its Hub's health: outages recognised, and a down Hub asked at most once a second. */
class HubHealthTest {
  private final FakeHub hub = new FakeHub() {
    @Override
    public boolean reachable() {
      probes++;
      return super.reachable();
    }
  };
  private int probes;
  private Instant now = Instant.parse("2026-12-04T12:00:00Z");
  private final HubHealth health = new HubHealth(hub, new Clock() {
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    public Clock withZone(ZoneId zone) {
      return this;
    }

    public Instant instant() {
      return now;
    }
  });

  @Test
  void aHubThatWasNeverFoundDownIsNotAskedBeforeWorkStarts() {
    assertThat(health.stillDown()).isFalse();
    assertThat(probes).isZero();
  }

  @Test
  void aFailureWhileTheHealthCheckPassesIsNotAnOutage() {
    assertThat(health.explainsFailure()).isFalse();
    assertThat(health.explainsFailure()).isFalse();
    assertThat(probes).isEqualTo(2);
  }

  @Test
  void whileTheHubIsDownItsHealthCheckIsAskedAtMostOnceASecond() {
    hub.reachable = false;
    for (int i = 0; i < 20; i++) {
      assertThat(health.explainsFailure()).isTrue();
      assertThat(health.stillDown()).isTrue();
    }
    assertThat(probes).isEqualTo(1);

    now = now.plus(HubHealth.PROBE_EVERY);
    assertThat(health.stillDown()).isTrue();
    assertThat(probes).isEqualTo(2);
  }

  @Test
  void onceTheHubIsBackWorkStartsButAFailureSoonAfterStillBelongsToTheOutage() {
    hub.reachable = false;
    assertThat(health.explainsFailure()).isTrue();
    now = now.plus(Duration.ofSeconds(5));
    hub.reachable = true;

    assertThat(health.stillDown()).isFalse();
    assertThat(health.explainsFailure()).isTrue();
    now = now.plus(HubHealth.RECOVERY);
    assertThat(health.explainsFailure()).isFalse();
    assertThat(health.stillDown()).isFalse();
  }
}
