package io.botburrow.channels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which agent a platform message is for. One Slack app or Discord bot serves every agent, so the
 * channel decides: the agent whose {@code channels:} names the channel (answering mentions, or every
 * message with {@code respond: all}). When several agents name it, the message picks one by starting
 * with its name ({@code ops-bot: ...}); otherwise it is refused with a reply that names them. Pure.
 */
public final class ChannelRouting {

  /** What the routing decided. */
  public sealed interface Route {}

  /** The message is for {@code agent}. */
  public record ToAgent(String agent) implements Route {}

  /** No agent answers this message (not a mention, channel not listened to with respond: all): ignore it. */
  public record Ignored() implements Route {}

  /** The bot was mentioned where no agent listens, or ambiguously: tell the person {@code reply}. */
  public record Refused(String reason, String reply) implements Route {}

  private ChannelRouting() {}

  /**
   * @param subscriptions each agent's {@code channels:} entries
   */
  public static Route route(
      Map<String, List<ChannelSubscription>> subscriptions, Platform platform, String channel, boolean mentionsBot,
      String text) {
    List<String> candidates = new ArrayList<>();
    subscriptions.forEach((agent, subs) -> {
      if (subs.stream().anyMatch(s -> s.accepts(platform, channel, mentionsBot))) {
        candidates.add(agent);
      }
    });
    candidates.sort(String::compareTo);
    if (candidates.size() == 1) {
      return new ToAgent(candidates.getFirst());
    }
    if (candidates.isEmpty()) {
      return mentionsBot
          ? new Refused("no_agent", "No agent answers in this channel. An operator can add it to an agent's "
              + "channels: in its definition.")
          : new Ignored();
    }
    String lead = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (String agent : candidates) {
      if (lead.startsWith(agent + ":") || lead.startsWith(agent + " ") || lead.equals(agent)) {
        return new ToAgent(agent);
      }
    }
    return mentionsBot
        ? new Refused("ambiguous", "Several agents answer in this channel (" + String.join(", ", candidates)
            + "). Start your message with the name of the one you mean, e.g. \"" + candidates.getFirst() + ": ...\".")
        : new Ignored();
  }
}
