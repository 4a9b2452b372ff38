package io.botburrow.devkit.channels;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * A local Slack Web API for tests: {@code chat.postMessage} (with message metadata),
 * {@code conversations.replies}, {@code reactions.add} and {@code auth.test}, answering as Slack does
 * ({@code "ok": false} with an error code, {@code not_authed} without the bot token); and Socket Mode:
 * {@code apps.connections.open} with the app-level token names a WebSocket that says {@code hello} and
 * carries event envelopes, resending those not acknowledged when the app reconnects.
 * The Web API is a {@link FakeSlackWebApi}, Socket Mode a {@link FakeSlackSocketMode}.
 */
public final class FakeSlack implements AutoCloseable {
  public static final String BOT_USER_ID = "U0BOTBURROW";
  public static final String TEAM = "T0TEAM";
  private final FakeSlackSocketMode socketMode;
  private final FakeSlackWebApi webApi;

  private FakeSlack(String token, String appToken) throws IOException {
    socketMode = new FakeSlackSocketMode();
    webApi = new FakeSlackWebApi(token, appToken, socketMode);
  }

  public static FakeSlack start(String botToken) throws IOException {
    return new FakeSlack(botToken, null);
  }

  /** A fake that also serves Socket Mode to the holder of {@code appToken}. */
  public static FakeSlack start(String botToken, String appToken) throws IOException {
    return new FakeSlack(botToken, appToken);
  }

  /**
   * Sends an Events API payload over Socket Mode (now, or when the app next connects); returns the
   * envelope id. It is sent again on every new connection until the app acknowledges it.
   */
  public String sendOverSocket(String eventCallback) throws IOException {
    return socketMode.send(eventCallback);
  }

  /** Envelope ids the app acknowledged. */
  public List<String> acks() {
    return socketMode.acks();
  }

  /** How many Socket Mode connections the app opened. */
  public int socketConnections() {
    return socketMode.connections();
  }

  /** Whether the app holds a Socket Mode connection. */
  public boolean socketConnected() {
    return socketMode.connected();
  }

  /** Cuts the Socket Mode connection as a network failure would. */
  public void dropSocket() {
    socketMode.drop();
  }

  /** The next {@code n} Web API calls are answered HTTP 429 with {@code Retry-After}, as Slack limits a method. */
  public void rateLimitNext(int n) {
    webApi.rateLimitNext(n);
  }

  /** The Web API base, for {@code botburrow.channels.slack.base-url}. */
  public URI baseUrl() {
    return webApi.baseUrl();
  }

  /** A new message timestamp, as Slack gives them ({@code seconds.micros}). */
  public String nextTs() {
    return webApi.nextTs();
  }

  /** What the bot posted. */
  public List<JsonNode> botMessages() {
    return webApi.botMessages();
  }

  /** {@code channel/ts/name} of each reaction the bot added. */
  public List<String> reactions() {
    return webApi.reactions();
  }

  @Override
  public void close() {
    webApi.close();
    socketMode.close();
  }
}
