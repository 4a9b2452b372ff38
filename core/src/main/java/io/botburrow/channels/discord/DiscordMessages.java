package io.botburrow.channels.discord;

import com.fasterxml.jackson.databind.JsonNode;
import io.botburrow.channels.InboundMessage;
import io.botburrow.channels.ReplyTarget;
import java.util.Optional;

/** Reads Discord's message and interaction payloads into {@link InboundMessage}s. Pure. */
public final class DiscordMessages {
  private DiscordMessages() {}

  /**
   * A gateway {@code MESSAGE_CREATE}'s {@code d}; empty for a bot's message (the agent's own included).
   *
   * @param botUserId the bot's user id, from READY
   */
  public static Optional<InboundMessage> fromMessageCreate(JsonNode d, String botUserId) {
    JsonNode author = d.path("author");
    if (author.path("bot").asBoolean(false) || author.path("id").asText().equals(botUserId)) {
      return Optional.empty();
    }
    String id = d.path("id").asText("");
    String channel = d.path("channel_id").asText("");
    if (id.isEmpty() || channel.isEmpty()) {
      return Optional.empty();
    }
    boolean mentions = false;
    for (JsonNode m : d.path("mentions")) {
      mentions |= m.path("id").asText().equals(botUserId);
    }
    String text = d.path("content").asText("");
    if (botUserId != null) {
      text = text.replace("<@" + botUserId + ">", "").replace("<@!" + botUserId + ">", "");
    }
    return Optional.of(new InboundMessage("discord:" + id, channel, author.path("id").asText(), text, mentions,
        ReplyTarget.discordMessage(channel, id)));
  }

  /**
   * An application command interaction (type 2): its options' string values are the text. Empty for
   * other types.
   */
  public static Optional<InboundMessage> fromCommand(JsonNode interaction) {
    if (interaction.path("type").asInt() != 2) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode option : interaction.path("data").path("options")) {
      if (option.path("value").isTextual()) {
        text.append(text.isEmpty() ? "" : " ").append(option.path("value").asText());
      }
    }
    String channel = interaction.path("channel_id").asText(interaction.path("channel").path("id").asText(""));
    JsonNode user = interaction.path("member").has("user") ? interaction.path("member").path("user") : interaction.path("user");
    return Optional.of(new InboundMessage("discord:" + interaction.path("id").asText(), channel, user.path("id").asText(),
        text.toString(), true, ReplyTarget.discordCommand(channel, interaction.path("application_id").asText(),
            interaction.path("token").asText())));
  }
}
