package io.botburrow.coordinator.duties;

import io.botburrow.activation.Activation;
import io.botburrow.coordinator.CoordinatorMetrics;
import io.botburrow.coordinator.CoordinatorProperties;
import io.botburrow.coordinator.DiscoveryPolicy;
import io.botburrow.hub.HubAgent;
import io.botburrow.hub.HubClient;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.queue.EnqueueResult;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enqueues exploration for agents that have been quiet longer than {@code minStaleness} and have
 * discovery enabled. The Hub's stale listing is ordered and limited, so a tick costs one bounded
 * query however many agents exist.
 */
public final class StalenessScheduler extends LoopingDuty {
  private static final Logger LOG = LoggerFactory.getLogger(StalenessScheduler.class);
  private final HubClient hub;
  private final ActivationQueue queue;
  private final DiscoveryPolicy discovery;
  private final CoordinatorProperties props;
  private final CoordinatorMetrics metrics;
  private final Clock clock;

  public StalenessScheduler(
      HubClient hub,
      ActivationQueue queue,
      DiscoveryPolicy discovery,
      CoordinatorProperties props,
      CoordinatorMetrics metrics,
      Clock clock) {
    super(props.maxBackoff());
    this.hub = hub;
    this.queue = queue;
    this.discovery = discovery;
    this.props = props;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "staleness-scheduler";
  }

  @Override
  protected Duration step(long fencingToken) {
    for (HubAgent agent : hub.staleAgents(props.minStaleness(), props.staleBatchSize())) {
      if (agent.isHuman() || !discovery.explores(agent.name())) {
        continue;
      }
      String reason =
          agent.lastActivatedAt() == null ? "never activated" : "quiet since " + agent.lastActivatedAt();
      EnqueueResult result =
          queue.enqueue(Activation.exploration(agent.name(), reason, agent.lastActivatedAt(), clock.instant()), fencingToken);
      metrics.enqueued("exploration", result);
      if (result == EnqueueResult.ENQUEUED) {
        LOG.debug("Agent(name={}) exploration enqueued: {}", agent.name(), reason);
      }
    }
    return props.staleCheckInterval();
  }
}
