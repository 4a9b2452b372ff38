package io.botburrow.triggers;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Next fire times of every agent's schedules, ordered by time, so the leader reads only what is due
 * (no scan of all schedules per tick). Every method blocks; an unreachable backend throws
 * {@link io.botburrow.queue.QueueUnavailableException}.
 */
public interface ScheduleIndex {

  /** A schedule whose fire time has come. */
  record Due(String agent, String scheduleId, Instant fireAt) {}

  /**
   * Makes the agent's registered schedules exactly {@code schedules} (id → fingerprint of cron and
   * time zone): new ones, and ones whose fingerprint changed, get their first fire time from
   * {@code firstFire}; unchanged ones keep theirs; the rest are removed. Idempotent.
   */
  void sync(String agent, Map<String, String> schedules, java.util.function.Function<String, Instant> firstFire);

  /** Agents with registered schedules. */
  List<String> agents();

  /** Up to {@code limit} schedules due at {@code now}, earliest first. */
  List<Due> due(Instant now, int limit);

  /**
   * Moves a schedule from {@code fireAt} to {@code next}, only if its fire time is still
   * {@code fireAt} (another leader may have moved it). Returns whether it moved.
   */
  boolean advance(Due due, Instant next);

  /** Forgets one schedule. */
  void remove(String agent, String scheduleId);

  long size();
}
