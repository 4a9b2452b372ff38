package io.botburrow.channels;

import io.botburrow.channels.discord.DiscordChannel;
import io.botburrow.channels.discord.DiscordProperties;
import io.botburrow.channels.discord.DiscordRest;
import io.botburrow.channels.hub.HubChannel;
import io.botburrow.channels.slack.SlackChannel;
import io.botburrow.channels.slack.SlackProperties;
import io.botburrow.channels.slack.SlackWebApi;
import io.botburrow.hub.HubClient;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the adapters the operator configured: the Hub always, Slack and Discord when their bot
 * tokens are set. These only send; the Discord gateway connection is the coordinator leader's.
 */
public final class ChannelAdapters {
  private ChannelAdapters() {}

  public static MessagingChannels sending(HubClient hub, SlackProperties slack, DiscordProperties discord, Clock clock) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    List<MessagingChannel> all = new ArrayList<>();
    all.add(new HubChannel(hub));
    if (slack.botToken() != null) {
      all.add(new SlackChannel(SlackWebApi.create(slack.baseUrl(), slack.botToken(), slack.timeout())));
    }
    if (discord.botToken() != null) {
      all.add(new DiscordChannel(discordRest(http, discord, clock), null));
    }
    return new MessagingChannels(all);
  }

  public static DiscordRest discordRest(HttpClient http, DiscordProperties discord, Clock clock) {
    return new DiscordRest(http, discord.apiBaseUrl(), discord.botToken(), clock, d -> Thread.sleep(d), discord.timeout());
  }
}
