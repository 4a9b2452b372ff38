package io.botburrow.testing;

import io.botburrow.activation.Activation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Test-data builders for activations, stamped with a test clock. */
public final class Activations {
  private Activations() {}

  public static Activation notification(Clock clock, String agent, String... notificationIds) {
    return Activation.notification(
        agent, notificationIds.length + " unread notifications", List.of(notificationIds), clock.instant());
  }

  public static Activation exploration(Clock clock, String agent) {
    return Activation.exploration(
        agent, "quiet for a day", clock.instant().minus(Duration.ofDays(1)), clock.instant());
  }
}
