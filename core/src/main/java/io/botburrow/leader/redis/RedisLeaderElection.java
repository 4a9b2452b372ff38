package io.botburrow.leader.redis;

import io.botburrow.leader.LeaderElection;
import io.botburrow.leader.LeaderSettings;
import io.botburrow.leader.LeadershipListener;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RScript;
import org.redisson.api.RScript.Mode;
import org.redisson.api.RScript.ReturnType;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election on a Redis lease with a fencing counter. One scheduler thread renews (leader) or
 * tries to take over (standby) every renew interval. The leader counts its lease from the moment it
 * sent the last confirmed renewal, and steps down once {@link LeaderSettings#safeLeadership()} has
 * passed without a newer one, which is before Redis can expire the lease; every Redis call is
 * bounded by that deadline, so a hung connection cannot keep it leading.
 */
public final class RedisLeaderElection implements LeaderElection {
  private static final Logger LOG = LoggerFactory.getLogger(RedisLeaderElection.class);

  private final RScript script;
  private final List<Object> keys;
  private final String instanceId;
  private final LeaderSettings settings;
  private final List<LeadershipListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong highestTokenSeen = new AtomicLong();
  private final ScheduledExecutorService scheduler;
  private volatile long token; // 0 while not leading
  private long leadingUntilNanos;
  private boolean started;

  /**
   * @param leaseKey the lease of this election
   * @param fencingKey the fencing counter, shared with whatever checks the tokens (the queue)
   */
  public RedisLeaderElection(
      RedissonClient client, String leaseKey, String fencingKey, String instanceId, LeaderSettings settings) {
    this.script = client.getScript(StringCodec.INSTANCE);
    this.keys = List.of(leaseKey, fencingKey);
    this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("leader-" + settings.name()).factory());
  }

  @Override
  public String instanceId() {
    return instanceId;
  }

  @Override
  public synchronized void start() {
    if (!started) {
      started = true;
      scheduler.execute(this::tick);
      LOG.info("Leader election {} started for instance {}", settings.name(), instanceId);
    }
  }

  @Override
  public boolean isLeader() {
    return token != 0;
  }

  @Override
  public OptionalLong fencingToken() {
    long current = token;
    return current == 0 ? OptionalLong.empty() : OptionalLong.of(current);
  }

  /** The highest fencing token this instance has seen, its own or another leader's. */
  public long highestTokenSeen() {
    return highestTokenSeen.get();
  }

  @Override
  public void addListener(LeadershipListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    long current = token;
    if (current != 0) {
      listener.leadershipGained(current);
    }
  }

  @Override
  public void close() {
    // cancels the next tick at once (a plain shutdown would still wait for it)
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(settings.leaseTtl().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long current = token;
    if (current != 0) {
      stepDown("election closed");
      LeaseCalls.quietly(() -> script.eval(
          Mode.READ_WRITE, LeaseScripts.RELEASE, ReturnType.INTEGER, keys, instanceId, Long.toString(current)));
    }
  }

  private void tick() {
    try {
      if (token != 0) {
        renew();
      } else {
        tryAcquire();
      }
    } catch (RuntimeException e) {
      LOG.warn("Leader election {} tick failed: {}", settings.name(), e.toString());
    } finally {
      scheduleNextTick();
    }
  }

  // A leader whose renewals fail wakes exactly at its deadline, so it steps down before the lease lapses.
  private void scheduleNextTick() {
    long delay = settings.renewInterval().toNanos();
    if (token != 0) {
      delay = Math.max(0, Math.min(delay, leadingUntilNanos - System.nanoTime()));
    }
    try {
      scheduler.schedule(this::tick, delay, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closed
    }
  }

  private void tryAcquire() {
    long sentAt = System.nanoTime();
    List<Object> reply =
        LeaseCalls.bounded(
            () -> script.<List<Object>>evalAsync(
                Mode.READ_WRITE, LeaseScripts.ACQUIRE, ReturnType.MULTI, keys, instanceId,
                Long.toString(settings.leaseTtl().toMillis()), Long.toString(highestTokenSeen.get())),
            settings.renewInterval());
    if (reply == null) {
      return;
    }
    long replyToken = ((Number) reply.get(1)).longValue();
    highestTokenSeen.accumulateAndGet(replyToken, Math::max);
    if (((Number) reply.get(0)).longValue() == 1) {
      leadingUntilNanos = sentAt + settings.safeLeadership().toNanos();
      token = replyToken;
      LOG.info("Instance {} leads {} with fencing token {}", instanceId, settings.name(), replyToken);
      notifyListeners(listener -> listener.leadershipGained(replyToken));
    }
  }

  private void renew() {
    long sentAt = System.nanoTime();
    long remaining = leadingUntilNanos - sentAt;
    Long renewed =
        remaining <= 0
            ? null
            : LeaseCalls.bounded(
                () -> script.<Long>evalAsync(
                    Mode.READ_WRITE, LeaseScripts.RENEW, ReturnType.INTEGER, keys, instanceId,
                    Long.toString(settings.leaseTtl().toMillis()), Long.toString(token)),
                java.time.Duration.ofNanos(remaining));
    if (renewed != null && renewed == 1) {
      leadingUntilNanos = sentAt + settings.safeLeadership().toNanos();
    } else if (renewed != null) {
      stepDown("lease lost (expired or Redis lost it)");
    } else if (System.nanoTime() - leadingUntilNanos >= 0) {
      stepDown("lease not renewed in time");
    }
  }

  private void stepDown(String why) {
    token = 0;
    LOG.info("Instance {} stopped leading {}: {}", instanceId, settings.name(), why);
    notifyListeners(LeadershipListener::leadershipLost);
  }

  // One failing listener must neither silence the others nor break the election's schedule.
  private void notifyListeners(java.util.function.Consumer<LeadershipListener> event) {
    for (LeadershipListener listener : listeners) {
      try {
        event.accept(listener);
      } catch (RuntimeException e) {
        LOG.error("Leadership listener {} failed", listener, e);
      }
    }
  }
}
