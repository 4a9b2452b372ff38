package io.botburrow.runner.activity;

import io.botburrow.activation.RunnerPool;
import io.botburrow.activity.AgentActivity;
import io.botburrow.runners.RunnerBeats;
import io.botburrow.runners.RunnerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;

/**
 * Each heartbeat also says that a runner of this pool is alive, so that the agent API can call the
 * agents of a pool nobody serves offline. Best effort: a failed announcement is not a failed beat.
 */
public final class PoolAnnouncingRegistry implements RunnerRegistry {
  private final RunnerRegistry registry;
  private final AgentActivity board;
  private final RunnerPool pool;
  private final Clock clock;

  public PoolAnnouncingRegistry(RunnerRegistry registry, AgentActivity board, RunnerPool pool, Clock clock) {
    this.registry = registry;
    this.board = board;
    this.pool = pool;
    this.clock = clock;
  }

  @Override
  public void heartbeat(String runnerId, Duration interval) {
    registry.heartbeat(runnerId, interval);
    try {
      board.poolAlive(pool, clock.instant());
    } catch (RuntimeException e) {
      // the beat counted; the pool's presence is refreshed by the next one
    }
  }

  @Override
  public RunnerBeats beats(Collection<String> runnerIds) {
    return registry.beats(runnerIds);
  }

  @Override
  public void leave(String runnerId) {
    registry.leave(runnerId);
  }
}
