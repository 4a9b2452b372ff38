package io.botburrow.coordinator.duties;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.Trigger;
import io.botburrow.agents.AgentDefinitionException;
import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.agents.AgentNotFoundException;
import io.botburrow.coordinator.ingress.TriggerIngress;
import io.botburrow.coordinator.schedules.MissedFirePolicy;
import io.botburrow.coordinator.schedules.ScheduleProperties;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.queue.EnqueueResult;
import io.botburrow.tasks.Task;
import io.botburrow.tasks.TaskStore;
import io.botburrow.triggers.ScheduleIndex;
import io.botburrow.triggers.ScheduleSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires due schedules. Each tick reads only the due head of the {@link ScheduleIndex}; each fire is
 * an activation whose idempotency key holds the fire time, enqueued with the term's token, and only
 * then is the schedule moved to its next time (compare-and-set). A leader killed between the two
 * leaves the fire time in place: the next leader fires the same key, the queue answers DUPLICATE,
 * and the schedule moves on. So each fire time runs once. A fire within the missed-fire grace is on time
 * and moves the schedule to its next time after the fire, so a leader behind by seconds catches up tick by
 * tick; one later than that follows the missed-fire policy and moves it to the next time after now.
 */
public final class ScheduleFirer extends LoopingDuty {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleFirer.class);
  // long enough to outlive any leader gap the missed-fire policy can bridge
  private static final Duration DEDUP = Duration.ofDays(2);
  private final ScheduleIndex index;
  private final ScheduleSync sync;
  private final AgentDefinitionStore definitions;
  private final ActivationQueue queue;
  private final TaskStore tasks;
  private final ScheduleProperties props;
  private final Clock clock;
  private final String tenant;
  private Instant nextSync = Instant.MIN;
  // the last tick left a schedule whose next time is already due (a leader catching up): tick again at once
  private boolean behind;

  public ScheduleFirer(
      ScheduleIndex index, AgentDefinitionStore definitions, ActivationQueue queue, TaskStore tasks,
      ScheduleProperties props, Duration maxBackoff, Clock clock) {
    this(Activation.DEFAULT_TENANT, index, definitions, queue, tasks, props, maxBackoff, clock);
  }

  /**
   * The schedules of one tenant's agents: {@code index}, {@code definitions} and {@code tasks} are that tenant's, and
   * {@code queue} puts the tenant on what it enqueues.
   */
  public ScheduleFirer(
      String tenant, ScheduleIndex index, AgentDefinitionStore definitions, ActivationQueue queue, TaskStore tasks,
      ScheduleProperties props, Duration maxBackoff, Clock clock) {
    super(maxBackoff);
    this.tenant = Activation.requireTenantName(tenant);
    this.index = index;
    this.sync = new ScheduleSync(index, definitions, clock);
    this.definitions = definitions;
    this.queue = queue;
    this.tasks = tasks;
    this.props = props;
    this.clock = clock;
  }

  @Override
  public String name() {
    return LeaderDuty.tenantName("schedule-firer", tenant);
  }

  @Override
  public void start(long fencingToken) {
    nextSync = Instant.MIN;
    super.start(fencingToken);
  }

  @Override
  protected Duration step(long fencingToken) {
    if (!clock.instant().isBefore(nextSync)) {
      sync.syncAll();
      nextSync = clock.instant().plus(props.syncInterval());
    }
    int fired = tick(fencingToken);
    return fired >= props.batchSize() || behind ? Duration.ZERO : props.tickInterval();
  }

  /** Fires what is due now; returns how many due schedules were handled. */
  public int tick(long fencingToken) {
    Instant now = clock.instant();
    var due = index.due(now, props.batchSize());
    boolean stillDue = false;
    for (ScheduleIndex.Due d : due) {
      stillDue |= handle(d, now, fencingToken);
    }
    behind = stillDue;
    return due.size();
  }

  /**
   * Fires {@code d} (unless it is late and the policy skips it) and moves its schedule on: an on-time fire to the
   * schedule's next time after it, so that a leader a few seconds behind (a pause, a failover) still fires every
   * tick it is behind, each once; a late one to the next time after now, so that what was missed beyond the grace
   * fires once or not at all. Returns whether the schedule's next time is already due.
   */
  private boolean handle(ScheduleIndex.Due d, Instant now, long fencingToken) {
    Optional<ScheduleSpec> spec = spec(d);
    if (spec.isEmpty()) {
      index.remove(d.agent(), d.scheduleId());
      return false;
    }
    ScheduleSpec s = spec.get();
    boolean late = MissedFirePolicy.late(d.fireAt(), now, props.missedFireGrace());
    if (props.policy().fires(late)) {
      fire(d, s, fencingToken);
    } else {
      LOG.info("Schedule(agent={}, id={}) skipped the fire of {} (missed-fire policy skip)", d.agent(), d.scheduleId(), d.fireAt());
    }
    Instant after = late ? now : d.fireAt();
    Optional<Instant> next = s.cron().nextAfter(after, s.timezone());
    if (next.isEmpty()) {
      index.remove(d.agent(), d.scheduleId());
      return false;
    }
    index.advance(d, next.get());
    return !next.get().isAfter(now);
  }

  private void fire(ScheduleIndex.Due d, ScheduleSpec s, long fencingToken) {
    String key = TriggerIngress.tenantKey(tenant, "schedule:" + d.agent() + ":" + d.scheduleId() + ":" + d.fireAt().toEpochMilli());
    String taskId = TriggerIngress.taskId(key);
    Activation activation = Activation.triggered(d.agent(), ActivationKind.SCHEDULE,
        new Trigger(key, taskId, "schedule " + d.scheduleId() + " at " + d.fireAt(), s.prompt(), null, DEDUP), clock.instant());
    tasks.create(Task.submitted(taskId, d.agent(), ActivationKind.SCHEDULE.wireName(), s.prompt(), clock.instant(),
        activation.id().value()));
    EnqueueResult result = queue.enqueue(activation.withTenant(tenant), fencingToken);
    LOG.debug("Schedule(tenant={}, agent={}, id={}) fire of {}: {}", tenant, d.agent(), d.scheduleId(), d.fireAt(), result);
  }

  private Optional<ScheduleSpec> spec(ScheduleIndex.Due d) {
    try {
      return definitions.load(d.agent()).config().triggers().schedule(d.scheduleId());
    } catch (AgentNotFoundException e) {
      return Optional.empty();
    } catch (AgentDefinitionException e) {
      if (e.retryable()) {
        throw e;
      }
      return Optional.empty();
    }
  }
}
