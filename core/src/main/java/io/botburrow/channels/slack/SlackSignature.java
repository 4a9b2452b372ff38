package io.botburrow.channels.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signing: {@code X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:<timestamp>:<body>">}
 * with the app's signing secret, {@code X-Slack-Request-Timestamp} in epoch seconds. Pure.
 */
public final class SlackSignature {
  public static final String SIGNATURE = "X-Slack-Signature";
  public static final String TIMESTAMP = "X-Slack-Request-Timestamp";
  /** Slack's own advice: refuse requests more than five minutes off, so a captured one cannot be replayed. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);
  private static final String VERSION = "v0";

  private SlackSignature() {}

  /** Whether the request is Slack's; returns null when it is, else why not (safe to send back). */
  public static String refusal(byte[] secret, String timestamp, String signature, byte[] body, Instant now) {
    long sentAt;
    try {
      sentAt = Long.parseLong(timestamp == null ? "" : timestamp.trim());
    } catch (NumberFormatException e) {
      return "missing or malformed " + TIMESTAMP;
    }
    if (Math.abs(now.getEpochSecond() - sentAt) > TOLERANCE.toSeconds()) {
      return "stale " + TIMESTAMP + ": more than " + TOLERANCE.toMinutes() + " minutes from now";
    }
    if (signature == null || !signature.startsWith(VERSION + "=")) {
      return "missing or invalid " + SIGNATURE;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(signature.substring(VERSION.length() + 1).trim());
    } catch (IllegalArgumentException e) {
      return "missing or invalid " + SIGNATURE;
    }
    return MessageDigest.isEqual(given, mac(secret, sentAt, body)) ? null : "missing or invalid " + SIGNATURE;
  }

  /** The {@code X-Slack-Signature} value for {@code body} sent at {@code timestamp} (tests, fakes). */
  public static String sign(byte[] secret, long timestamp, byte[] body) {
    return VERSION + "=" + HexFormat.of().formatHex(mac(secret, timestamp, body));
  }

  private static byte[] mac(byte[] secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
