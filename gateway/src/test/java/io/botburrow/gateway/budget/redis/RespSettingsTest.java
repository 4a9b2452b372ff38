package io.botburrow.gateway.budget.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RespSettingsTest {
  private static final Duration CONNECT = Duration.ofSeconds(1);
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  @Test
  void readsServerTlsCredentialsAndDatabaseFromTheUrl() {
    var settings = RespSettings.of("rediss://budget:p%40ss@redis.internal:6380/2", null, CONNECT, TIMEOUT);

    assertThat(settings).isEqualTo(
        new RespSettings("redis.internal", 6380, true, "budget", "p@ss", 2, CONNECT, TIMEOUT));
  }

  @Test
  void aBareUrlMeansThePlainDefaultPortDatabaseZeroAndNoCredentials() {
    var settings = RespSettings.of("redis://localhost", null, CONNECT, TIMEOUT);

    assertThat(settings).isEqualTo(new RespSettings("localhost", 6379, false, null, null, 0, CONNECT, TIMEOUT));
  }

  @Test
  void aPasswordGivenApartOverridesTheUrlsUnlessEmpty() {
    assertThat(RespSettings.of("redis://:secret@h:1", "other", CONNECT, TIMEOUT).password()).isEqualTo("other");
    assertThat(RespSettings.of("redis://:secret@h:1", "", CONNECT, TIMEOUT).password()).isEqualTo("secret");
    assertThat(RespSettings.of("redis://:secret@h:1", null, CONNECT, TIMEOUT).user()).isNull();
    assertThat(RespSettings.of("redis://secret@h:1", null, CONNECT, TIMEOUT).password()).isEqualTo("secret");
  }

  @Test
  void itsTextKeepsThePasswordOut() {
    assertThat(RespSettings.of("redis://u:secret@h:1/3", null, CONNECT, TIMEOUT).toString())
        .isEqualTo("RespSettings[redis://h:1/3]");
  }
}
