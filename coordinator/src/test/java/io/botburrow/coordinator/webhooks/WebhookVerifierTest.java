package io.botburrow.coordinator.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.triggers.WebhookSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {
  private static final byte[] SECRET = "It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8);
  private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
  private static final WebhookSpec GITHUB = new WebhookSpec("gh", List.of(), "GH_WEBHOOK_SECRET", "{{payload}}", WebhookSpec.Signature.GITHUB);
  private static final WebhookSpec GENERIC = new WebhookSpec("alerts", List.of(), "ALERTS_WEBHOOK_SECRET", "{{payload}}", WebhookSpec.Signature.HMAC_SHA256);

  @Test
  void acceptsGitHubsDocumentedExampleSignature() {
    // the example of GitHub's "Validating webhook deliveries" page
    var verdict = verify(GITHUB, Map.of(
        "X-Hub-Signature-256", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
        "X-GitHub-Delivery", "d-1", "X-GitHub-Event", "push"), BODY);

    assertThat(verdict).isEqualTo(new WebhookVerifier.Verified("d-1", "push"));
  }

  @Test
  void refusesAWrongMissingOrMalformedSignature() {
    assertThat(verify(GITHUB, Map.of("X-Hub-Signature-256", "sha256=" + "0".repeat(64)), BODY)).isInstanceOf(WebhookVerifier.Refused.class);
    assertThat(verify(GITHUB, Map.of(), BODY)).isInstanceOf(WebhookVerifier.Refused.class);
    assertThat(verify(GITHUB, Map.of("X-Hub-Signature-256", "sha256=zz"), BODY)).isInstanceOf(WebhookVerifier.Refused.class);
    assertThat(verify(GITHUB, Map.of("X-Hub-Signature-256", "sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"), BODY))
        .isInstanceOf(WebhookVerifier.Refused.class);
  }

  @Test
  void genericSignatureCoversTheTimestampAndRefusesStaleOnes() {
    long ts = NOW.getEpochSecond();
    String good = sign(ts, BODY);

    assertThat(verify(GENERIC, Map.of("X-Webhook-Timestamp", Long.toString(ts), "X-Signature-256", good, "X-Webhook-Id", "a1"), BODY))
        .isEqualTo(new WebhookVerifier.Verified("a1", null));
    assertThat(verify(GENERIC, Map.of("X-Webhook-Timestamp", Long.toString(ts + 1), "X-Signature-256", good), BODY))
        .as("timestamp changed").isInstanceOf(WebhookVerifier.Refused.class);
    long stale = ts - 301;
    assertThat(verify(GENERIC, Map.of("X-Webhook-Timestamp", Long.toString(stale), "X-Signature-256", sign(stale, BODY)), BODY))
        .satisfies(v -> assertThat(((WebhookVerifier.Refused) v).reason()).contains("stale"));
    assertThat(verify(GENERIC, Map.of("X-Signature-256", good), BODY)).isInstanceOf(WebhookVerifier.Refused.class);
  }

  @Test
  void deliveriesWithoutAnIdAreNamedByTheirBody() {
    String sig = "sha256=" + HexFormat.of().formatHex(WebhookVerifier.hmac(SECRET, BODY));

    var first = (WebhookVerifier.Verified) verify(GITHUB, Map.of("X-Hub-Signature-256", sig), BODY);
    var again = (WebhookVerifier.Verified) verify(GITHUB, Map.of("X-Hub-Signature-256", sig), BODY);

    assertThat(first.deliveryId()).startsWith("sha256-").isEqualTo(again.deliveryId());
  }

  private static String sign(long ts, byte[] body) {
    byte[] signed = (ts + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    return "sha256=" + HexFormat.of().formatHex(WebhookVerifier.hmac(SECRET, signed));
  }

  private static WebhookVerifier.Verdict verify(WebhookSpec spec, Map<String, String> headers, byte[] body) {
    return WebhookVerifier.verify(spec, headers::get, body, SECRET, NOW, Duration.ofMinutes(5));
  }
}
