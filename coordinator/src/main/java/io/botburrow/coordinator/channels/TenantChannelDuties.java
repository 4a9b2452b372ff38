package io.botburrow.coordinator.channels;

import io.botburrow.coordinator.duties.LeaderDuty;
import java.util.List;

/** The leader's Slack Socket Mode and Discord gateway connections of the tenants other than the default one. */
public record TenantChannelDuties(List<LeaderDuty> duties) {
  public TenantChannelDuties {
    duties = List.copyOf(duties);
  }
}
