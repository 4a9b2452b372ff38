package io.botburrow.gateway.routing.memory;

import io.botburrow.gateway.routing.Cooldowns;
import io.botburrow.gateway.routing.CooldownsContract;
import java.time.Duration;

class InMemoryCooldownsTest extends CooldownsContract {
  @Override
  protected Cooldowns cooldowns() {
    return new InMemoryCooldowns(clock, Duration.ofMinutes(1), Duration.ofHours(1));
  }
}
