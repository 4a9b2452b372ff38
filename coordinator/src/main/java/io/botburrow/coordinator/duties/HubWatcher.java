package io.botburrow.coordinator.duties;

import io.botburrow.activation.Activation;
import io.botburrow.coordinator.CoordinatorMetrics;
import io.botburrow.coordinator.CoordinatorProperties;
import io.botburrow.hub.HubAgent;
import io.botburrow.hub.HubClient;
import io.botburrow.hub.LongPollUnsupportedException;
import io.botburrow.hub.NotificationPoll;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.queue.EnqueueResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the Hub for agents with unread notifications (long-poll, or listing when the Hub has none)
 * and enqueues one notification activation per agent. With a Hub that hands out long-poll cursors it
 * asks only for newer notifications, so the Hub can park the poll while agents work on what is
 * known; every {@code fullPollInterval}, after a failure and at the start of each term it asks for
 * every agent with unread work, which re-enqueues whatever Redis lost.
 */
public final class HubWatcher extends LoopingDuty {
  private static final Logger LOG = LoggerFactory.getLogger(HubWatcher.class);
  private final HubClient hub;
  private final ActivationQueue queue;
  private final CoordinatorProperties props;
  private final CoordinatorMetrics metrics;
  private final Clock clock;
  private volatile boolean longPollSupported = true;
  private volatile String cursor;
  private volatile Instant lastFullPoll = Instant.MIN;

  public HubWatcher(
      HubClient hub, ActivationQueue queue, CoordinatorProperties props, CoordinatorMetrics metrics, Clock clock) {
    super(props.maxBackoff());
    this.hub = hub;
    this.queue = queue;
    this.props = props;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "hub-watcher";
  }

  @Override
  public void start(long fencingToken) {
    // a new term must not trust what an earlier one had seen
    cursor = null;
    super.start(fencingToken);
  }

  @Override
  protected Duration step(long fencingToken) {
    if (!longPollSupported) {
      enqueueAll(hub.agentsWithNotifications(), fencingToken);
      return props.fallbackPollInterval();
    }
    NotificationPoll poll;
    try {
      poll = poll();
    } catch (LongPollUnsupportedException e) {
      LOG.info("Hub has no long-poll endpoint; listing agents every {} ms instead", props.fallbackPollInterval().toMillis());
      longPollSupported = false;
      return Duration.ZERO;
    }
    int added = enqueueAll(poll.agents(), fencingToken);
    if (poll.hasCursor()) {
      return Duration.ZERO;
    }
    // Without cursors the Hub answers at once while notifications stay unread; pause unless this poll
    // brought new work, so a busy agent does not turn the watch into a tight loop.
    return poll.agents().isEmpty() || added > 0 ? Duration.ZERO : props.repollDelay();
  }

  private NotificationPoll poll() {
    Instant now = clock.instant();
    Instant nextFullPoll = lastFullPoll.plus(props.fullPollInterval());
    boolean full = cursor == null || !now.isBefore(nextFullPoll);
    String since = full ? null : cursor;
    // A poll from the cursor may park; it must not outlast the next full poll, which re-enqueues work
    // that could not be queued before (a circuit was open, Redis lost it, it was dead-lettered).
    Duration wait = full ? props.longPollTimeout() : shorter(props.longPollTimeout(), Duration.between(now, nextFullPoll));
    cursor = null; // a failed poll is followed by a full one
    NotificationPoll poll = hub.pollNewNotifications(wait, props.pollBatchSize(), since);
    if (full) {
      lastFullPoll = now;
    }
    cursor = poll.hasCursor() ? poll.cursor() : null;
    return poll;
  }

  private static Duration shorter(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private int enqueueAll(List<HubAgent> agents, long fencingToken) {
    int added = 0;
    for (HubAgent agent : agents) {
      if (agent.isHuman() || agent.name().isBlank()) {
        continue;
      }
      String reason = agent.notificationCount() + " unread notification(s)";
      EnqueueResult result = queue.enqueue(Activation.notification(agent.name(), reason, List.of(), clock.instant()), fencingToken);
      metrics.enqueued("notification", result);
      if (result == EnqueueResult.ENQUEUED) {
        added++;
        LOG.debug("Agent(name={}) notification activation enqueued: {}", agent.name(), reason);
      }
    }
    return added;
  }
}
