package io.botburrow.testing;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.Trigger;
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

  /** Work of a keyed kind with trigger key {@code key} and the key as prompt. */
  public static Activation triggered(Clock clock, String agent, ActivationKind kind, String key) {
    return Activation.triggered(
        agent, kind, new Trigger(key, null, kind.wireName() + " " + key, "do " + key, null, null), clock.instant());
  }

  public static Activation exploration(Clock clock, String agent) {
    return Activation.exploration(
        agent, "quiet for a day", clock.instant().minus(Duration.ofDays(1)), clock.instant());
  }
}
