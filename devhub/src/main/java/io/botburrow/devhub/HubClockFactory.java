package io.botburrow.devhub;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The Hub's clock; a test or an embedding context may register its own {@link Clock} instead. */
@Factory
@Requires(env = "hub")
class HubClockFactory {

  @Singleton
  @Requires(missingBeans = Clock.class)
  Clock hubClock() {
    return Clock.systemUTC();
  }
}
