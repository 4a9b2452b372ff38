package io.botburrow.devkit.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A local Discord for tests: the REST API a bot uses (messages, reactions, threads, interaction
 * responses, {@code /users/@me}, rate-limit headers and an optional 429) and a Gateway that sends HELLO,
 * answers IDENTIFY with READY and RESUME with the events the client missed, and sends MESSAGE_CREATE
 * when a test posts as a person. {@link #dropGateway()} cuts the connection as a network failure would.
 * The REST API is a {@link FakeDiscordRest}, the Gateway a {@link FakeDiscordGateway}.
 */
public final class FakeDiscord implements AutoCloseable {
  public static final String BOT_USER_ID = "900000000000000001";
  private final ObjectMapper json = new ObjectMapper();
  private final FakeDiscordRest rest;
  private final FakeDiscordGateway gateway;

  private FakeDiscord(String token, long heartbeatMs) throws IOException {
    rest = new FakeDiscordRest(token);
    gateway = new FakeDiscordGateway(token, heartbeatMs);
  }

  /** Starts the fake; the bot authenticates with {@code token}; heartbeats are asked every {@code heartbeatMs}. */
  public static FakeDiscord start(String token, long heartbeatMs) throws IOException {
    return new FakeDiscord(token, heartbeatMs);
  }

  public URI apiBaseUrl() {
    return rest.baseUrl();
  }

  public URI gatewayUrl() {
    return gateway.url();
  }

  /**
   * A person writes {@code content} in {@code channel}; the gateway sends MESSAGE_CREATE now, or on
   * RESUME when the bot is not connected. Returns the message id.
   */
  public String postAsPerson(String channel, String authorId, String content, boolean mentionBot) {
    String id = rest.nextId();
    ObjectNode d = json.createObjectNode().put("id", id).put("channel_id", channel).put("guild_id", "1")
        .put("content", (mentionBot ? "<@" + BOT_USER_ID + "> " : "") + content);
    d.putObject("author").put("id", authorId).put("username", "person-" + authorId).put("bot", false);
    ArrayNode mentions = d.putArray("mentions");
    if (mentionBot) {
      mentions.addObject().put("id", BOT_USER_ID).put("bot", true);
    }
    rest.add(d.deepCopy());
    gateway.dispatch("MESSAGE_CREATE", d);
    return id;
  }

  /** The messages the bot sent. */
  public List<JsonNode> botMessages() {
    return rest.botMessages();
  }

  /** {@code channel/message/emoji} of each reaction the bot added. */
  public List<String> reactions() {
    return rest.reactions();
  }

  /** The content each deferred interaction response was replaced with, by interaction token. */
  public Map<String, String> originals() {
    return rest.originals();
  }

  public int identifies() {
    return gateway.identifies();
  }

  public int resumes() {
    return gateway.resumes();
  }

  public int heartbeats() {
    return gateway.heartbeats();
  }

  public int intents() {
    return gateway.intents();
  }

  /** The next {@code n} REST requests get 429 with a short {@code retry_after}. */
  public void rateLimitNext(int n) {
    rest.rateLimitNext(n);
  }

  /** How many requests were answered 429. */
  public int rateLimited() {
    return rest.rateLimited();
  }

  /** Whether a bot is connected to the gateway. */
  public boolean gatewayConnected() {
    return gateway.connected();
  }

  /** Cuts the gateway connection without a close frame; the session stays resumable. */
  public void dropGateway() {
    gateway.drop();
  }

  @Override
  public void close() {
    rest.close();
    gateway.close();
  }
}
