package io.botburrow.coordinator.schedules;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Schedules ({@code schedules:} in definitions), fired by the leader.
 *
 * @param tickInterval how often the due head of the schedule index is read
 * @param syncInterval how often definitions are read to register, change or drop schedules
 * @param missedFirePolicy {@code run-once} or {@code skip} for fires later than {@code missedFireGrace}
 * @param missedFireGrace how late a fire may be and still count as on time
 * @param batchSize due schedules fired per tick at most
 */
@ConfigurationProperties("botburrow.schedules")
public record ScheduleProperties(
    @Bindable(defaultValue = "1s") Duration tickInterval,
    @Bindable(defaultValue = "10s") Duration syncInterval,
    @Bindable(defaultValue = "run-once") String missedFirePolicy,
    @Bindable(defaultValue = "60s") Duration missedFireGrace,
    @Bindable(defaultValue = "500") int batchSize) {

  public ScheduleProperties {
    MissedFirePolicy.fromWire(missedFirePolicy);
    if (batchSize < 1) {
      throw new IllegalArgumentException("botburrow.schedules.batch-size must be positive");
    }
  }

  public static ScheduleProperties defaults() {
    return new ScheduleProperties(Duration.ofSeconds(1), Duration.ofSeconds(10), "run-once", Duration.ofSeconds(60), 500);
  }

  public MissedFirePolicy policy() {
    return MissedFirePolicy.fromWire(missedFirePolicy);
  }
}
