package io.botburrow.channels;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of an agent's {@code channels:}: the platform channels it listens in and what it answers.
 *
 * @param platform slack or discord
 * @param channelIds the platform's channel ids
 * @param respond {@link Respond#MENTIONS} answers messages that mention the bot; {@link Respond#ALL}
 *     every message a person writes in these channels
 */
public record ChannelSubscription(Platform platform, List<String> channelIds, Respond respond) {

  /** What an agent answers in a channel. */
  public enum Respond {
    MENTIONS,
    ALL;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public ChannelSubscription {
    Objects.requireNonNull(platform, "platform");
    if (platform == Platform.HUB) {
      throw new IllegalArgumentException("platform: the Hub needs no channels entry; use slack or discord");
    }
    channelIds = channelIds == null ? List.of() : List.copyOf(channelIds);
    if (channelIds.isEmpty()) {
      throw new IllegalArgumentException("channels: at least one channel id is required");
    }
    for (String id : channelIds) {
      if (id == null || !id.matches("^[A-Za-z0-9_-]{1,64}$")) {
        throw new IllegalArgumentException("channels: '" + id + "' is not a channel id (letters, digits, - and _)");
      }
    }
    respond = respond == null ? Respond.MENTIONS : respond;
  }

  /** Whether a message in {@code channel} of {@code on} is for this entry. Pure. */
  public boolean accepts(Platform on, String channel, boolean mentionsBot) {
    return platform == on && channelIds.contains(channel) && (mentionsBot || respond == Respond.ALL);
  }
}
