package io.botburrow.agents;

import com.fasterxml.jackson.databind.JsonNode;
import io.botburrow.channels.ChannelSubscription;
import io.botburrow.channels.Platform;
import io.botburrow.triggers.CronExpression;
import io.botburrow.triggers.OutputTarget;
import io.botburrow.triggers.ScheduleSpec;
import io.botburrow.triggers.Triggers;
import io.botburrow.triggers.WebhookSpec;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Reads the runtime extensions {@code schedules:}, {@code webhooks:}, {@code output:} and {@code channels:}. */
final class TriggersParser {
  private TriggersParser() {}

  static Triggers read(YamlReader top) {
    List<ScheduleSpec> schedules = new ArrayList<>();
    forEachItem(top, "schedules", (item, index) -> schedules.add(readSchedule(item, index)));
    List<WebhookSpec> webhooks = new ArrayList<>();
    forEachItem(top, "webhooks", (item, index) -> webhooks.add(readWebhook(item)));
    OutputTarget output = readOutput(top);
    List<ChannelSubscription> channels = new ArrayList<>();
    forEachItem(top, "channels", (item, index) -> channels.add(readChannels(item)));
    return top.build(() -> new Triggers(schedules, webhooks, output, channels));
  }

  private static ChannelSubscription readChannels(YamlReader c) {
    String platformName = c.string("platform");
    if (platformName == null) {
      throw c.error(c.path("platform"), "is required (slack or discord)");
    }
    if (!platformName.equals("slack") && !platformName.equals("discord")) {
      throw c.error(c.path("platform"), "must be slack or discord, was '" + platformName + "'");
    }
    List<String> ids = c.strings("channels");
    String respond = c.string("respond");
    if (respond != null && !respond.equals("mentions") && !respond.equals("all")) {
      throw c.error(c.path("respond"), "must be mentions or all, was '" + respond + "'");
    }
    c.warnUnread();
    return c.build(() -> new ChannelSubscription(Platform.fromWire(platformName), ids,
        "all".equals(respond) ? ChannelSubscription.Respond.ALL : ChannelSubscription.Respond.MENTIONS));
  }

  private interface ItemReader {
    void read(YamlReader item, int index);
  }

  private static void forEachItem(YamlReader top, String field, ItemReader reader) {
    JsonNode list = top.raw(field);
    if (list == null) {
      return;
    }
    if (!list.isArray()) {
      throw top.error(top.path(field), "must be a list");
    }
    for (int i = 0; i < list.size(); i++) {
      reader.read(top.of(top.path(field) + "[" + i + "]", list.get(i)), i);
    }
  }

  private static ScheduleSpec readSchedule(YamlReader s, int index) {
    String name = s.string("name");
    if (name != null && !name.matches("^[a-z0-9][a-z0-9-]{0,62}$")) {
      throw s.error(s.path("name"), "must match ^[a-z0-9][a-z0-9-]*$, was '" + name + "'");
    }
    String cronText = s.string("cron");
    if (cronText == null) {
      throw s.error(s.path("cron"), "is required");
    }
    CronExpression cron;
    try {
      cron = CronExpression.parse(cronText);
    } catch (IllegalArgumentException e) {
      throw s.error(s.path("cron"), e.getMessage());
    }
    ZoneId zone = null;
    String timezone = s.string("timezone");
    if (timezone != null) {
      try {
        zone = ZoneId.of(timezone);
      } catch (DateTimeException e) {
        throw s.error(s.path("timezone"), "'" + timezone + "' is not a time zone like Europe/Paris or UTC");
      }
    }
    String prompt = s.string("prompt");
    s.warnUnread();
    ZoneId finalZone = zone;
    return s.build(() -> new ScheduleSpec(name != null ? name : Integer.toString(index), cron, finalZone, prompt));
  }

  private static WebhookSpec readWebhook(YamlReader w) {
    String name = w.string("name");
    if (name == null) {
      throw w.error(w.path("name"), "is required");
    }
    List<String> events = w.strings("events");
    String secretEnv = w.string("secret_env");
    if (secretEnv == null) {
      throw w.error(w.path("secret_env"), "is required");
    }
    String prompt = w.string("prompt");
    String signature = w.string("signature");
    w.warnUnread();
    return w.build(() -> new WebhookSpec(
        name, events, secretEnv, prompt, signature == null ? null : WebhookSpec.Signature.fromWire(signature)));
  }

  private static OutputTarget readOutput(YamlReader top) {
    YamlReader o = top.object("output");
    if (o == null) {
      return OutputTarget.none();
    }
    String community = o.string("community");
    o.warnUnread();
    return o.build(() -> new OutputTarget(community));
  }
}
