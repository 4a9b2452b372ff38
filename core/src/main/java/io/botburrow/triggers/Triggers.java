package io.botburrow.triggers;

import io.botburrow.channels.ChannelSubscription;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An agent's triggers beyond Hub mentions: its {@code schedules:}, {@code webhooks:}, the
 * {@code output:} target for their results and the Slack and Discord {@code channels:} it answers in.
 */
public record Triggers(
    List<ScheduleSpec> schedules, List<WebhookSpec> webhooks, OutputTarget output, List<ChannelSubscription> channels) {
  public Triggers {
    channels = channels == null ? List.of() : List.copyOf(channels);
    schedules = schedules == null ? List.of() : List.copyOf(schedules);
    webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
    output = output == null ? OutputTarget.none() : output;
    Set<String> names = new HashSet<>();
    for (WebhookSpec hook : webhooks) {
      if (!names.add(hook.name())) {
        throw new IllegalArgumentException("webhooks: name '" + hook.name() + "' is used twice");
      }
    }
    Set<String> ids = new HashSet<>();
    for (ScheduleSpec schedule : schedules) {
      if (!ids.add(schedule.id())) {
        throw new IllegalArgumentException("schedules: name '" + schedule.id() + "' is used twice");
      }
    }
  }

  /** Triggers without messaging channels. */
  public Triggers(List<ScheduleSpec> schedules, List<WebhookSpec> webhooks, OutputTarget output) {
    this(schedules, webhooks, output, List.of());
  }

  public static Triggers none() {
    return new Triggers(List.of(), List.of(), OutputTarget.none());
  }

  public Optional<WebhookSpec> webhook(String name) {
    return webhooks.stream().filter(hook -> hook.name().equals(name)).findFirst();
  }

  public Optional<ScheduleSpec> schedule(String id) {
    return schedules.stream().filter(schedule -> schedule.id().equals(id)).findFirst();
  }
}
