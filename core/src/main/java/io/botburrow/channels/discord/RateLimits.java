package io.botburrow.channels.discord;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Discord's per-route rate-limit buckets, learned from response headers: {@code X-RateLimit-Bucket}
 * names the bucket a route shares, {@code X-RateLimit-Remaining} how many requests are left in it and
 * {@code X-RateLimit-Reset-After} (seconds) when it refills. A request waits when its bucket is empty.
 * Decisions take the time as an argument.
 */
public final class RateLimits {
  private record Bucket(int remaining, Instant resetAt) {}

  private final Map<String, String> bucketOfRoute = new ConcurrentHashMap<>();
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** How long a request on {@code route} must wait before it is sent (zero when it need not). */
  public Duration delayBefore(String route, Instant now) {
    String bucket = bucketOfRoute.get(route);
    Bucket b = bucket == null ? null : buckets.get(bucket);
    if (b == null || b.remaining() > 0 || !now.isBefore(b.resetAt())) {
      return Duration.ZERO;
    }
    return Duration.between(now, b.resetAt());
  }

  /** Learns from the headers of a response on {@code route}. */
  public void update(String route, Function<String, String> headers, Instant now) {
    String bucket = headers.apply("X-RateLimit-Bucket");
    String remaining = headers.apply("X-RateLimit-Remaining");
    String resetAfter = headers.apply("X-RateLimit-Reset-After");
    if (bucket == null || remaining == null || resetAfter == null) {
      return;
    }
    try {
      long millis = Math.round(Double.parseDouble(resetAfter) * 1000);
      bucketOfRoute.put(route, bucket);
      buckets.put(bucket, new Bucket(Integer.parseInt(remaining), now.plusMillis(millis)));
    } catch (NumberFormatException e) {
      // a malformed header teaches nothing; the 429 path still holds
    }
  }

  /** The wait a 429 asks for: its body's {@code retry_after} (seconds), else {@code Retry-After}, else one second. */
  public static Duration retryAfter(Double bodyRetryAfter, String header) {
    if (bodyRetryAfter != null && bodyRetryAfter >= 0) {
      return Duration.ofMillis(Math.round(bodyRetryAfter * 1000));
    }
    try {
      return header == null ? Duration.ofSeconds(1) : Duration.ofMillis(Math.round(Double.parseDouble(header) * 1000));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(1);
    }
  }
}
