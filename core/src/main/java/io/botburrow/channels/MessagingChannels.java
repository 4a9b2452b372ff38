package io.botburrow.channels;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The adapters this service has, by platform. */
public final class MessagingChannels {
  public static final MessagingChannels NONE = new MessagingChannels(List.of());
  private final Map<Platform, MessagingChannel> byPlatform = new EnumMap<>(Platform.class);

  public MessagingChannels(List<MessagingChannel> channels) {
    for (MessagingChannel c : channels) {
      if (byPlatform.put(c.platform(), c) != null) {
        throw new IllegalArgumentException("two adapters for " + c.platform().wireName());
      }
    }
  }

  public Optional<MessagingChannel> of(Platform platform) {
    return Optional.ofNullable(byPlatform.get(platform));
  }

  /** A copy with {@code channel} added (replacing one of the same platform). */
  public MessagingChannels with(MessagingChannel channel) {
    Map<Platform, MessagingChannel> all = new EnumMap<>(byPlatform);
    all.put(channel.platform(), channel);
    return new MessagingChannels(List.copyOf(all.values()));
  }
}
