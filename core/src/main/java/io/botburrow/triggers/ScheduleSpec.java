package io.botburrow.triggers;

import java.time.ZoneId;
import java.util.Objects;

/**
 * One entry of {@code schedules:}: run the agent with {@code prompt} at every fire time of {@code cron}.
 *
 * @param id the entry's {@code name}, or its position in the list ({@code 0}, {@code 1}, ...)
 * @param cron when to fire
 * @param timezone in which the cron fields are read, UTC by default
 * @param prompt what the agent is asked on each fire
 */
public record ScheduleSpec(String id, CronExpression cron, ZoneId timezone, String prompt) {
  public ScheduleSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(cron, "cron");
    timezone = timezone == null ? ZoneId.of("UTC") : timezone;
    if (prompt == null || prompt.isBlank()) {
      throw new IllegalArgumentException("prompt: is required");
    }
  }
}
