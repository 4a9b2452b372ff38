package io.botburrow.channels.slack;

import com.google.gson.JsonParseException;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message;
import io.botburrow.channels.ChannelException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Slack Web API methods the adapter needs ({@code chat.postMessage}, {@code conversations.replies},
 * {@code reactions.add}, {@code apps.connections.open}, {@code auth.test}) through the official SDK's
 * {@link MethodsClient}. Slack answers errors with HTTP 200 and {@code "ok": false}; those, and the SDK's
 * exceptions, become {@link ChannelException}s, retryable for rate limits, Slack's own failures and I/O.
 * Every call blocks for at most the configured timeout.
 */
public final class SlackWebApi {
  private static final Set<String> TRANSIENT = Set.of("ratelimited", "internal_error", "fatal_error", "service_unavailable",
      "request_timeout");
  private static final int PAGE = 200;
  private static final int MAX_PAGES = 10;
  private final MethodsClient methods;

  public SlackWebApi(MethodsClient methods) {
    this.methods = methods;
  }

  /**
   * A client holding {@code token}, sending to {@code baseUrl} (Slack's {@code https://slack.com/api/}, a
   * local fake in tests). The SDK's request logging is left out: at DEBUG it prints every request and
   * response body, so the texts of messages and answers would reach the log.
   */
  public static SlackWebApi create(URI baseUrl, String token, Duration timeout) {
    SlackConfig config = new SlackConfig();
    String prefix = baseUrl.toString();
    config.setMethodsEndpointUrlPrefix(prefix.endsWith("/") ? prefix : prefix + "/");
    config.setHttpClientResponseHandlers(new ArrayList<>());
    config.setStatsEnabled(false);
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    config.setHttpClientCallTimeoutMillis(millis);
    config.setHttpClientReadTimeoutMillis(millis);
    config.setHttpClientWriteTimeoutMillis(millis);
    return new SlackWebApi(Slack.getInstance(config).methods(token));
  }

  /**
   * {@code chat.postMessage} into {@code threadTs} (null: at the channel's top level) with message metadata;
   * returns the new message's {@code ts}. Not idempotent: each call posts.
   */
  public String postMessage(String channel, String threadTs, String text, Message.Metadata metadata) {
    return call("chat.postMessage", () -> methods.chatPostMessage(r -> r.channel(channel).threadTs(threadTs).text(text)
        .metadata(metadata))).getTs();
  }

  /** {@code conversations.replies} of the thread {@code ts} with message metadata, following pages. */
  public List<Message> replies(String channel, String ts) {
    List<Message> all = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      String from = cursor;
      ConversationsRepliesResponse response = call("conversations.replies", () -> methods.conversationsReplies(r -> r
          .channel(channel).ts(ts).includeAllMetadata(true).limit(PAGE).cursor(from)));
      if (response.getMessages() != null) {
        all.addAll(response.getMessages());
      }
      cursor = response.getResponseMetadata() == null ? null : response.getResponseMetadata().getNextCursor();
      if (cursor == null || cursor.isEmpty()) {
        break;
      }
    }
    return all;
  }

  /** {@code reactions.add}; a reaction already there counts as added, so this is idempotent. */
  public void addReaction(String channel, String ts, String name) {
    try {
      call("reactions.add", () -> methods.reactionsAdd(r -> r.channel(channel).timestamp(ts).name(name)));
    } catch (SlackApiError e) {
      if (!"already_reacted".equals(e.error)) {
        throw e;
      }
    }
  }

  /** {@code apps.connections.open} (with an app-level token): the WebSocket URL of a Socket Mode connection. */
  public URI openConnection() {
    return URI.create(call("apps.connections.open", () -> methods.appsConnectionsOpen(r -> r)).getUrl());
  }

  /** {@code auth.test}: the bot's own user id. */
  public String botUserId() {
    return call("auth.test", () -> methods.authTest(r -> r)).getUserId();
  }

  private interface Call<T> {
    T run() throws IOException, SlackApiException;
  }

  private static <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
    T response;
    try {
      response = call.run();
    } catch (SlackApiException e) {
      int status = e.getResponse().code();
      String error = e.getError() != null && e.getError().getError() != null ? e.getError().getError() : "HTTP " + status;
      throw new SlackApiError(method, status == 429 ? "ratelimited" : error, status == 429 || status >= 500);
    } catch (IOException e) {
      throw new ChannelException("Slack " + method + " unreachable: " + e.getMessage(), true, e);
    } catch (JsonParseException e) {
      throw new ChannelException("Slack " + method + " answered without JSON", false, e);
    }
    if (!response.isOk()) {
      String error = response.getError() == null ? "unknown_error" : response.getError();
      throw new SlackApiError(method, error, TRANSIENT.contains(error));
    }
    return response;
  }

  /** Slack refused a call; {@link #error} is Slack's error code (no secret in it). */
  public static final class SlackApiError extends ChannelException {
    final String error;

    SlackApiError(String method, String error, boolean retryable) {
      super("Slack " + method + " failed: " + error, retryable);
      this.error = error;
    }

    public String error() {
      return error;
    }
  }
}
