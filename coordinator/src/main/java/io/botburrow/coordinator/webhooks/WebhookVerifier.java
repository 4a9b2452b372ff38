package io.botburrow.coordinator.webhooks;

import io.botburrow.triggers.WebhookSpec;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a webhook delivery: signature (HMAC-SHA256, compared in constant time), the sender's
 * timestamp where the scheme has one, and who it is (delivery id, event). Pure: headers come in as a
 * lookup, time as an argument.
 */
final class WebhookVerifier {
  static final String GITHUB_SIGNATURE = "X-Hub-Signature-256";
  static final String GITHUB_DELIVERY = "X-GitHub-Delivery";
  static final String GITHUB_EVENT = "X-GitHub-Event";
  static final String SIGNATURE = "X-Signature-256";
  static final String TIMESTAMP = "X-Webhook-Timestamp";
  static final String DELIVERY = "X-Webhook-Id";
  static final String EVENT = "X-Webhook-Event";
  private static final String PREFIX = "sha256=";

  /** What a check decided. */
  sealed interface Verdict {}

  /** Signed by the holder of the secret: {@code deliveryId} names it (the body's hash when the sender gave none). */
  record Verified(String deliveryId, String event) implements Verdict {}

  /** Refused; {@code reason} is safe to send back (it names no secret). */
  record Refused(String reason) implements Verdict {}

  private WebhookVerifier() {}

  static Verdict verify(
      WebhookSpec spec, Function<String, String> headers, byte[] body, byte[] secret, Instant now, Duration tolerance) {
    return switch (spec.signature()) {
      case GITHUB -> github(headers, body, secret);
      case HMAC_SHA256 -> generic(headers, body, secret, now, tolerance);
    };
  }

  private static Verdict github(Function<String, String> headers, byte[] body, byte[] secret) {
    if (!signatureMatches(headers.apply(GITHUB_SIGNATURE), hmac(secret, body))) {
      return new Refused("missing or invalid " + GITHUB_SIGNATURE);
    }
    return new Verified(orBodyHash(headers.apply(GITHUB_DELIVERY), body), headers.apply(GITHUB_EVENT));
  }

  private static Verdict generic(
      Function<String, String> headers, byte[] body, byte[] secret, Instant now, Duration tolerance) {
    String timestamp = headers.apply(TIMESTAMP);
    long sentAt;
    try {
      sentAt = Long.parseLong(timestamp == null ? "" : timestamp.trim());
    } catch (NumberFormatException e) {
      return new Refused("missing or malformed " + TIMESTAMP + " (epoch seconds)");
    }
    byte[] signed = concat((sentAt + ".").getBytes(StandardCharsets.US_ASCII), body);
    if (!signatureMatches(headers.apply(SIGNATURE), hmac(secret, signed))) {
      return new Refused("missing or invalid " + SIGNATURE);
    }
    // checked after the signature, so only the secret's holder learns about the clock
    if (Math.abs(now.getEpochSecond() - sentAt) > tolerance.toSeconds()) {
      return new Refused("stale " + TIMESTAMP + ": more than " + tolerance.toSeconds() + " s from now");
    }
    return new Verified(orBodyHash(headers.apply(DELIVERY), body), headers.apply(EVENT));
  }

  static byte[] hmac(byte[] secret, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** Constant-time comparison of {@code sha256=<hex>} with the expected MAC. */
  private static boolean signatureMatches(String header, byte[] expected) {
    if (header == null || !header.trim().toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header.trim().substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(given, expected);
  }

  private static String orBodyHash(String deliveryId, byte[] body) {
    if (deliveryId != null && !deliveryId.isBlank()) {
      return deliveryId.trim();
    }
    try {
      return "sha256-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
