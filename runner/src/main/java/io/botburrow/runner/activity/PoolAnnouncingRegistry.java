package io.botburrow.runner.activity;

import io.botburrow.activation.RunnerPool;
import io.botburrow.activity.AgentActivity;
import io.botburrow.runners.RunnerBeats;
import io.botburrow.runners.RunnerCard;
import io.botburrow.runners.RunnerDirectory;
import io.botburrow.runners.RunnerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;

/**
 * Each heartbeat also says that a runner of this pool is alive, so that the agent API can call the
 * agents of a pool nobody serves offline, and puts the runner's card (pool, slots) in the runner
 * directory, so that operators see idle runners too. Best effort: a failed announcement is not a failed
 * beat.
 */
public final class PoolAnnouncingRegistry implements RunnerRegistry {
  private final RunnerRegistry registry;
  private final AgentActivity board;
  private final RunnerPool pool;
  private final Clock clock;
  private final RunnerDirectory directory;
  private final int slots;

  public PoolAnnouncingRegistry(RunnerRegistry registry, AgentActivity board, RunnerPool pool, Clock clock) {
    this(registry, board, pool, clock, null, 0);
  }

  public PoolAnnouncingRegistry(
      RunnerRegistry registry, AgentActivity board, RunnerPool pool, Clock clock, RunnerDirectory directory, int slots) {
    this.registry = registry;
    this.board = board;
    this.pool = pool;
    this.clock = clock;
    this.directory = directory;
    this.slots = slots;
  }

  @Override
  public void heartbeat(String runnerId, Duration interval) {
    registry.heartbeat(runnerId, interval);
    try {
      board.poolAlive(pool, clock.instant());
    } catch (RuntimeException e) {
      // the beat counted; the pool's presence is refreshed by the next one
    }
    if (directory != null) {
      try {
        directory.announce(new RunnerCard(runnerId, pool.wireName(), slots, clock.instant(), interval));
      } catch (RuntimeException e) {
        // the next beat writes the card again
      }
    }
  }

  @Override
  public RunnerBeats beats(Collection<String> runnerIds) {
    return registry.beats(runnerIds);
  }

  @Override
  public void leave(String runnerId) {
    registry.leave(runnerId);
    if (directory != null) {
      try {
        directory.forget(runnerId);
      } catch (RuntimeException e) {
        // the card goes stale and a reader drops it
      }
    }
  }
}
