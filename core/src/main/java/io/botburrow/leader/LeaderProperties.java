package io.botburrow.leader;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Leader election settings ({@code botburrow.leader.*}).
 *
 * @param name election name
 * @param instanceId this instance's id; defaults to the host name plus a random suffix
 * @param leaseTtl lease time-to-live
 * @param renewInterval renewal and takeover-attempt interval
 */
@ConfigurationProperties("botburrow.leader")
public record LeaderProperties(
    @Bindable(defaultValue = LeaderSettings.DEFAULT_NAME) String name,
    @Nullable String instanceId,
    @Bindable(defaultValue = "3s") Duration leaseTtl,
    @Bindable(defaultValue = "1s") Duration renewInterval) {

  public LeaderProperties {
    settings(name, leaseTtl, renewInterval);
  }

  public LeaderSettings settings() {
    return settings(name, leaseTtl, renewInterval);
  }

  private static LeaderSettings settings(String name, Duration leaseTtl, Duration renewInterval) {
    return new LeaderSettings(name, leaseTtl, renewInterval);
  }

  /** {@link #instanceId()} or a generated one. */
  public String resolvedInstanceId() {
    return instanceId != null && !instanceId.isBlank() ? instanceId : InstanceIds.generate();
  }
}
