package io.botburrow.runner.activation;

import io.botburrow.hub.HubClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a runner knows of its Hub's health. The health check ({@link HubClient#reachable()}) is asked after a Hub
 * call failed, and while the Hub is down at most once per {@link #PROBE_EVERY}, however many activations ask: a
 * down Hub is not flooded with the retries of every waiting activation.
 */
final class HubHealth {
  private static final Logger LOG = LoggerFactory.getLogger(HubHealth.class);
  /** Hub failures this soon after its health check failed belong to that outage (a call can fail just before the Hub is back). */
  static final Duration RECOVERY = Duration.ofSeconds(30);
  /** While the Hub is down, how often its health check is asked again. */
  static final Duration PROBE_EVERY = Duration.ofSeconds(1);
  private final HubClient hub;
  private final Clock clock;
  private Instant seenDown;
  private Instant probedDown;

  HubHealth(HubClient hub, Clock clock) {
    this.hub = hub;
    this.clock = clock;
  }

  /** After a Hub call failed with 429, 5xx or no answer: whether the whole Hub is down rather than one call failing. */
  synchronized boolean explainsFailure() {
    return downNow() || recentlyDown(clock.instant());
  }

  /** Before Hub work starts: whether the Hub was found down a moment ago and still is (then the work waits at once). */
  synchronized boolean stillDown() {
    return recentlyDown(clock.instant()) && downNow();
  }

  private boolean recentlyDown(Instant now) {
    return seenDown != null && Duration.between(seenDown, now).compareTo(RECOVERY) < 0;
  }

  // A failed check is reused for PROBE_EVERY; a passed one is not, so the first failure of an outage is seen at once.
  private boolean downNow() {
    Instant now = clock.instant();
    if (probedDown != null && Duration.between(probedDown, now).compareTo(PROBE_EVERY) < 0) {
      return true;
    }
    if (hub.reachable()) {
      probedDown = null;
      return false;
    }
    if (probedDown == null) {
      LOG.warn("The Hub does not answer its health check: activations wait for it instead of failing");
    }
    probedDown = now;
    seenDown = now;
    return true;
  }
}
