package io.botburrow.common;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The clock every service reads time from; a test registers its own to control time (this one is secondary). */
@Factory
public class ClockFactory {
  @Singleton
  @Secondary
  Clock clock() {
    return Clock.systemUTC();
  }
}
