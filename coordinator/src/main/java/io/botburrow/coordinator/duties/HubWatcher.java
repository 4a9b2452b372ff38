package io.botburrow.coordinator.duties;

import io.botburrow.activation.Activation;
import io.botburrow.coordinator.CoordinatorMetrics;
import io.botburrow.coordinator.CoordinatorProperties;
import io.botburrow.hub.HubAgent;
import io.botburrow.hub.HubClient;
import io.botburrow.hub.LongPollUnsupportedException;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.queue.EnqueueResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the Hub for agents with unread notifications (long-poll, or listing when the Hub has none)
 * and enqueues one notification activation per agent.
 */
public final class HubWatcher extends LoopingDuty {
  private static final Logger LOG = LoggerFactory.getLogger(HubWatcher.class);
  private final HubClient hub;
  private final ActivationQueue queue;
  private final CoordinatorProperties props;
  private final CoordinatorMetrics metrics;
  private final Clock clock;
  private volatile boolean longPollSupported = true;

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
  protected Duration step(long fencingToken) {
    List<HubAgent> agents = fetch();
    int added = enqueueAll(agents, fencingToken);
    if (!longPollSupported) {
      return props.fallbackPollInterval();
    }
    // The Hub answers a long-poll at once while notifications stay unread; pause unless this poll
    // brought new work, so a busy agent does not turn the watch into a tight loop.
    return agents.isEmpty() || added > 0 ? Duration.ZERO : props.repollDelay();
  }

  private List<HubAgent> fetch() {
    if (longPollSupported) {
      try {
        return hub.pollAgentsWithNotifications(props.longPollTimeout(), props.pollBatchSize());
      } catch (LongPollUnsupportedException e) {
        LOG.info("Hub has no long-poll endpoint; listing agents every {} ms instead", props.fallbackPollInterval().toMillis());
        longPollSupported = false;
      }
    }
    return hub.agentsWithNotifications();
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
