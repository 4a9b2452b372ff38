package io.botburrow.channels.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SlackSignatureTest {
  private final byte[] secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16)).getBytes(StandardCharsets.UTF_8);
  private final byte[] body = "{\"type\":\"event_callback\",\"event_id\":\"Ev1\"}".getBytes(StandardCharsets.UTF_8);
  private final Instant now = Instant.parse("2026-12-03T10:00:00Z");

  @Test
  void aRequestSignedWithTheSecretIsSlacks() {
    long ts = now.getEpochSecond() - 10;

    assertThat(SlackSignature.refusal(secret, Long.toString(ts), SlackSignature.sign(secret, ts, body), body, now)).isNull();
  }

  @Test
  void theSignatureMatchesSlacksDocumentedExample() {
    // https://api.slack.com/authentication/verifying-requests-from-slack
    byte[] docSecret = "8f742231b10e8888abcd99yyyzzz85a5".getBytes(StandardCharsets.UTF_8);
    byte[] docBody = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
        + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
        + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
        + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c").getBytes(StandardCharsets.UTF_8);

    assertThat(SlackSignature.sign(docSecret, 1531420618, docBody))
        .isEqualTo("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
  }

  @Test
  void aWrongSignatureIsRefused() {
    long ts = now.getEpochSecond();
    String other = SlackSignature.sign("another-secret".getBytes(StandardCharsets.UTF_8), ts, body);

    assertThat(SlackSignature.refusal(secret, Long.toString(ts), other, body, now)).contains("X-Slack-Signature");
    assertThat(SlackSignature.refusal(secret, Long.toString(ts), "v0=zz", body, now)).contains("X-Slack-Signature");
    assertThat(SlackSignature.refusal(secret, Long.toString(ts), null, body, now)).contains("X-Slack-Signature");
  }

  @Test
  void aChangedBodyIsRefused() {
    long ts = now.getEpochSecond();
    String sig = SlackSignature.sign(secret, ts, body);

    assertThat(SlackSignature.refusal(secret, Long.toString(ts), sig, "{}".getBytes(StandardCharsets.UTF_8), now)).isNotNull();
  }

  @Test
  void aTimestampOlderThanFiveMinutesIsRefusedEvenWhenSigned() {
    long ts = now.getEpochSecond() - 301;

    assertThat(SlackSignature.refusal(secret, Long.toString(ts), SlackSignature.sign(secret, ts, body), body, now))
        .startsWith("stale");
    assertThat(SlackSignature.refusal(secret, "yesterday", SlackSignature.sign(secret, ts, body), body, now))
        .contains("malformed");
  }
}
