package io.botburrow.coordinator.duties;

import io.botburrow.activation.Activation;
import io.botburrow.activity.ActivityReport;
import io.botburrow.activity.AgentActivity;
import io.botburrow.activity.AgentPhase;
import io.botburrow.coordinator.CoordinatorMetrics;
import io.botburrow.coordinator.CoordinatorProperties;
import io.botburrow.coordinator.DiscoveryPolicy;
import io.botburrow.hub.HubAgent;
import io.botburrow.hub.HubClient;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.queue.EnqueueResult;
import io.botburrow.schedule.ExplorationSchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enqueues exploration for agents whose quiet time is over. Due times live in a sorted index
 * ({@link ExplorationSchedule}): runners move an agent's due time after each activation, the registry
 * sync adds new agents, and on gaining leadership the Hub's stale listing seeds it. A tick only reads
 * the due head of the index, so its cost does not grow with the number of agents.
 *
 * <p>Exploration is work an agent starts by itself, so it waits out the agent's rest
 * ({@code behavior.limits.min_interval_seconds} after its last activation, as the runners report it):
 * an agent due while it rests is put back to the end of its rest instead. Work somebody asked for
 * (mentions, messages, webhooks, delegations, schedules) does not wait.
 */
public final class StalenessScheduler extends LoopingDuty {
  private static final Logger LOG = LoggerFactory.getLogger(StalenessScheduler.class);
  private static final int BATCH = 100;
  private final HubClient hub;
  private final ActivationQueue queue;
  private final ExplorationSchedule schedule;
  private final DiscoveryPolicy discovery;
  private final CoordinatorProperties props;
  private final Duration minStaleness;
  private final CoordinatorMetrics metrics;
  private final AgentActivity activity;
  private final Clock clock;
  private volatile boolean seeded;

  public StalenessScheduler(
      HubClient hub,
      ActivationQueue queue,
      ExplorationSchedule schedule,
      DiscoveryPolicy discovery,
      CoordinatorProperties props,
      Duration minStaleness,
      CoordinatorMetrics metrics,
      AgentActivity activity,
      Clock clock) {
    super(props.maxBackoff());
    this.hub = hub;
    this.queue = queue;
    this.schedule = schedule;
    this.discovery = discovery;
    this.props = props;
    this.minStaleness = minStaleness;
    this.metrics = metrics;
    this.activity = activity;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "staleness-scheduler";
  }

  @Override
  public void start(long fencingToken) {
    seeded = false;
    super.start(fencingToken);
  }

  /** One pass of the loop, run by the caller (benchmarks): returns the pause the loop would take. */
  public Duration tick(long fencingToken) {
    return step(fencingToken);
  }

  @Override
  protected Duration step(long fencingToken) {
    if (!seeded) {
      seedFromHub();
      seeded = true;
    }
    Instant now = clock.instant();
    List<String> due = schedule.takeDue(now, BATCH, minStaleness);
    List<String> exploring = new ArrayList<>(due.size());
    for (String agent : due) {
      if (discovery.explores(agent)) {
        exploring.add(agent);
      } else {
        schedule.remove(agent);
      }
    }
    // one round trip each for the batch: activity reads, put-backs, enqueues
    Map<String, ActivityReport> reports = activity.current(exploring);
    Map<String, Instant> resting = new HashMap<>();
    List<Activation> explorations = new ArrayList<>(exploring.size());
    String reason = "quiet for " + minStaleness.toSeconds() + " s";
    for (String agent : exploring) {
      Optional<Instant> rest = restingUntil(reports.get(agent), now);
      if (rest.isPresent()) {
        resting.put(agent, rest.get());
        LOG.debug("Agent(name={}) rests until {}: exploration put back", agent, rest.get());
      } else {
        explorations.add(Activation.exploration(agent, reason, null, now));
      }
    }
    schedule.scheduleAll(resting);
    List<EnqueueResult> results = queue.enqueueAll(explorations, fencingToken);
    for (int i = 0; i < results.size(); i++) {
      metrics.enqueued("exploration", results.get(i));
      LOG.debug("Agent(name={}) exploration: {}", explorations.get(i).agent(), results.get(i));
    }
    // a full batch may have left more agents due: the next tick follows at once
    return due.size() == BATCH ? Duration.ZERO : props.staleCheckInterval();
  }

  /** The end of the agent's rest after its last activation, while it lasts. */
  private static Optional<Instant> restingUntil(ActivityReport report, Instant now) {
    return Optional.ofNullable(report)
        .filter(r -> r.phase() == AgentPhase.COOLDOWN && r.until().isAfter(now))
        .map(ActivityReport::until);
  }

  /** Agents the Hub already finds stale become due now (after a fresh start or a lost Redis). */
  private void seedFromHub() {
    int added = 0;
    for (HubAgent agent : hub.staleAgents(minStaleness, 1000)) {
      if (!agent.isHuman() && discovery.explores(agent.name()) && schedule.scheduleIfAbsent(agent.name(), clock.instant())) {
        added++;
      }
    }
    if (added > 0) {
      LOG.info("Exploration schedule seeded with {} stale agent(s) from the Hub", added);
    }
  }
}
