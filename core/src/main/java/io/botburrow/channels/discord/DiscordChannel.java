package io.botburrow.channels.discord;

import com.fasterxml.jackson.databind.JsonNode;
import io.botburrow.channels.InboundMessage;
import io.botburrow.channels.MessagingChannel;
import io.botburrow.channels.OutgoingMessage;
import io.botburrow.channels.Platform;
import io.botburrow.channels.ReplyTarget;
import io.botburrow.channels.SentMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * Discord as a messaging channel. A reply to a message references it and is sent only when the bot's
 * reply to that message is not already in the channel (plus Discord's own nonce check); a slash
 * command's answer replaces its deferred response, which is idempotent by nature. Messages come in on
 * the gateway when one is given ({@link #connect()}), and through the interactions endpoint.
 */
public final class DiscordChannel implements MessagingChannel {
  /** Discord refuses message content longer than this. */
  static final int MAX_CONTENT = 2000;
  private final DiscordRest rest;
  private final DiscordGateway gateway;

  /** @param gateway the gateway connection, or null where this process only sends (runners) */
  public DiscordChannel(DiscordRest rest, DiscordGateway gateway) {
    this.rest = rest;
    this.gateway = gateway;
  }

  @Override
  public Platform platform() {
    return Platform.DISCORD;
  }

  @Override
  public void connect() {
    if (gateway != null) {
      gateway.connect();
    }
  }

  @Override
  public void close() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Override
  public void onMessage(Consumer<InboundMessage> listener) {
    if (gateway != null) {
      gateway.onMessage(listener);
    }
  }

  @Override
  public SentMessage sendMessage(OutgoingMessage message) {
    ReplyTarget to = message.target();
    if (to.followUp() != null) {
      int slash = to.followUp().indexOf('/');
      String text = message.text().length() <= MAX_CONTENT ? message.text()
          : message.text().substring(0, MAX_CONTENT - 40) + "\n… (cut at " + MAX_CONTENT + " characters)";
      JsonNode edited = rest.editOriginal(to.followUp().substring(0, slash), to.followUp().substring(slash + 1), text);
      return new SentMessage(edited.path("id").asText(), false);
    }
    if (to.messageId() != null) {
      String bot = rest.botUserId();
      for (JsonNode m : rest.messagesAfter(to.channel(), to.messageId())) {
        if (bot.equals(m.path("author").path("id").asText())
            && to.messageId().equals(m.path("message_reference").path("message_id").asText())) {
          return new SentMessage(m.path("id").asText(), true);
        }
      }
    }
    // a long answer goes out as several replies, each a part no longer than Discord takes
    List<String> parts = parts(message.text());
    String first = null;
    for (int i = 0; i < parts.size(); i++) {
      String key = i == 0 ? message.idempotencyKey() : message.idempotencyKey() + "#" + i;
      JsonNode sent = rest.createMessage(to.channel(), parts.get(i), to.messageId(), nonce(key));
      first = first == null ? sent.path("id").asText() : first;
    }
    return new SentMessage(first, false);
  }

  /** {@code text} in parts of at most {@link #MAX_CONTENT} characters, cut at line ends where possible. Pure. */
  static List<String> parts(String text) {
    List<String> parts = new ArrayList<>();
    String rest = text;
    while (rest.length() > MAX_CONTENT) {
      int cut = rest.lastIndexOf('\n', MAX_CONTENT);
      cut = cut < MAX_CONTENT / 2 ? MAX_CONTENT : cut;
      parts.add(rest.substring(0, cut));
      rest = rest.substring(cut).stripLeading();
    }
    parts.add(rest);
    return parts;
  }

  @Override
  public ReplyTarget createThread(ReplyTarget target, String title) {
    JsonNode thread = rest.startThread(target.channel(), target.messageId(), title);
    return new ReplyTarget(Platform.DISCORD, thread.path("id").asText(), null, null, null);
  }

  @Override
  public void addReaction(ReplyTarget target, String emoji) {
    if (target.messageId() != null) {
      rest.addReaction(target.channel(), target.messageId(), emoji);
    }
  }

  // Discord's nonce holds at most 25 characters: a digest of the key
  static String nonce(String key) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
