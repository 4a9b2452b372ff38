package io.botburrow.gateway.routing.redis;

import io.botburrow.gateway.budget.redis.RespClient;
import io.botburrow.gateway.routing.Cooldowns;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rests shared by every gateway and runner on one Redis: a deployment one of them saw fail is skipped by
 * all. Per deployment two keys, {@code botburrow:cooldown:{name}:until} (epoch millis, expiring with the
 * rest) and {@code :failures} (the doubling count, kept for a rest plus the longest rest after the last
 * failure). A failure is one script; a success deletes both keys, only when a rest or failures were seen.
 *
 * <p>Every model call asks whether its deployments rest, so this process keeps what it last read for
 * {@code refresh} (1 s): another replica's new rest is seen within that, and a call costs no Redis round
 * trip most of the time (one call refreshes it; the others in flight keep the view of a second ago). When Redis cannot be reached the last view holds: rests only spare providers,
 * and a call is not refused for them.
 */
public final class RedisCooldowns implements Cooldowns {
  private static final Logger LOG = LoggerFactory.getLogger(RedisCooldowns.class);

  /** KEYS: until, failures. ARGV: now ms, base ms, max ms, retry-after ms (0: none). Returns {failures, until ms}. */
  static final String FAILED = """
      local now = tonumber(ARGV[1])
      local max = tonumber(ARGV[3])
      local failures = redis.call('INCR', KEYS[2])
      local rest = tonumber(ARGV[2]) * (2 ^ math.min(math.max(0, failures - 1), 20))
      if rest > max then rest = max end
      local retry = tonumber(ARGV[4])
      if retry > rest then rest = retry end
      local untilMs = now + rest
      local current = tonumber(redis.call('GET', KEYS[1]) or '0')
      if current > untilMs then untilMs = current end
      redis.call('SET', KEYS[1], string.format('%.0f', untilMs), 'PX', string.format('%.0f', math.max(1, untilMs - now)))
      redis.call('PEXPIRE', KEYS[2], string.format('%.0f', untilMs - now + max))
      return {failures, untilMs}
      """;
  private static final String FAILED_SHA = RespClient.sha1(FAILED);

  /** What this process last knew of a deployment. */
  private record Seen(long untilMillis, boolean failures, long readAtMillis) {}

  private final RespClient redis;
  private final Clock clock;
  private final Duration base;
  private final Duration max;
  private final long refreshMillis;
  private final ConcurrentHashMap<String, Seen> seen = new ConcurrentHashMap<>();

  public RedisCooldowns(RespClient redis, Clock clock, Duration base, Duration max, Duration refresh) {
    this.redis = redis;
    this.clock = clock;
    this.base = base;
    this.max = max;
    this.refreshMillis = refresh.toMillis();
  }

  @Override
  public Optional<Instant> until(String deployment) {
    long now = clock.millis();
    var known = seen.get(deployment);
    // one caller refreshes a stale view, the others meanwhile go on with it: not every call in flight
    // pays a round trip when the second turns
    if (known == null || (now - known.readAtMillis() >= refreshMillis
        && seen.replace(deployment, known, new Seen(known.untilMillis(), known.failures(), now)))) {
      known = read(deployment, now, known);
    }
    return now < known.untilMillis() ? Optional.of(Instant.ofEpochMilli(known.untilMillis())) : Optional.empty();
  }

  @Override
  public Duration failed(String deployment, Duration retryAfter) {
    long now = clock.millis();
    try {
      var reply = redis.evalIntegers(FAILED, FAILED_SHA, List.of(untilKey(deployment), failuresKey(deployment)),
          List.of(Long.toString(now), Long.toString(base.toMillis()), Long.toString(max.toMillis()),
              Long.toString(retryAfter == null ? 0 : retryAfter.toMillis())));
      long until = reply.get(1);
      seen.put(deployment, new Seen(until, true, now));
      return Duration.ofMillis(Math.max(0, until - now));
    } catch (IOException e) {
      // this process still rests the deployment; the others will find out for themselves
      var rest = Cooldowns.rest(1, base, max, retryAfter);
      seen.put(deployment, new Seen(now + rest.toMillis(), true, now));
      LOG.warn("Deployment(name={}) rest not shared, Redis unavailable: {}", deployment, e.getMessage());
      return rest;
    }
  }

  @Override
  public void succeeded(String deployment) {
    var known = seen.get(deployment);
    if (known == null || !known.failures()) {
      return;
    }
    try {
      redis.call(List.of("DEL", untilKey(deployment), failuresKey(deployment)));
      seen.put(deployment, new Seen(0, false, clock.millis()));
    } catch (IOException e) {
      LOG.warn("Deployment(name={}) rest not ended in Redis, unavailable: {}", deployment, e.getMessage());
    }
  }

  private Seen read(String deployment, long now, Seen previous) {
    try {
      var reply = (List<?>) redis.call(List.of("MGET", untilKey(deployment), failuresKey(deployment)));
      long until = reply.get(0) == null ? 0 : Long.parseLong(reply.get(0).toString());
      var fresh = new Seen(until, reply.get(1) != null, now);
      seen.put(deployment, fresh);
      return fresh;
    } catch (IOException | RuntimeException e) {
      LOG.warn("Deployment(name={}) rest unknown, Redis unavailable: {}", deployment, e.getMessage());
      var kept = previous != null ? new Seen(previous.untilMillis(), previous.failures(), now) : new Seen(0, false, now);
      seen.put(deployment, kept);
      return kept;
    }
  }

  static String untilKey(String deployment) {
    return "botburrow:cooldown:{" + deployment + "}:until";
  }

  static String failuresKey(String deployment) {
    return "botburrow:cooldown:{" + deployment + "}:failures";
  }
}
