package io.botburrow.channels.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.botburrow.channels.InboundMessage;
import io.botburrow.channels.ReplyTarget;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an Events API request asks for, read from its JSON. Pure: which messages matter is decided here,
 * not in the controller.
 */
public final class SlackEvent {
  private static final Pattern MENTION = Pattern.compile("<@([A-Z0-9]+)(\\|[^>]*)?>");
  // edits, deletions, joins and the like are not someone asking something
  private static final Set<String> ANSWERED_SUBTYPES = Set.of("", "thread_broadcast", "file_share");

  /** What the request is. */
  public sealed interface Kind {}

  /** {@code url_verification}: answer with the challenge. */
  public record UrlVerification(String challenge) implements Kind {}

  /** A person's message. {@code eventId} names the delivery (retries repeat it). */
  public record Message(String eventId, String team, InboundMessage message) implements Kind {}

  /** Nothing to do; {@code reason} says why (for the log and the metric). */
  public record Ignored(String reason) implements Kind {}

  private SlackEvent() {}

  public static Kind read(JsonNode body) {
    String type = body.path("type").asText("");
    if (type.equals("url_verification")) {
      return new UrlVerification(body.path("challenge").asText(""));
    }
    if (!type.equals("event_callback")) {
      return new Ignored("type " + type);
    }
    JsonNode event = body.path("event");
    String eventType = event.path("type").asText("");
    if (!eventType.equals("app_mention") && !eventType.equals("message")) {
      return new Ignored("event " + eventType);
    }
    if (!ANSWERED_SUBTYPES.contains(event.path("subtype").asText(""))) {
      return new Ignored("subtype " + event.path("subtype").asText());
    }
    String botUser = botUserId(body);
    String user = event.path("user").asText("");
    if (event.hasNonNull("bot_id") || user.isEmpty() || user.equals(botUser)) {
      return new Ignored("written by a bot");
    }
    String channel = event.path("channel").asText("");
    String ts = event.path("ts").asText("");
    if (channel.isEmpty() || ts.isEmpty()) {
      return new Ignored("no channel or ts");
    }
    String text = event.path("text").asText("");
    boolean mentions = eventType.equals("app_mention") || (botUser != null && text.contains("<@" + botUser));
    String team = body.path("team_id").asText(event.path("team").asText("-"));
    String threadTs = event.hasNonNull("thread_ts") ? event.get("thread_ts").asText() : null;
    String key = "slack:" + team + ":" + channel + ":" + ts;
    String named = botUser != null ? botUser : eventType.equals("app_mention") ? firstMention(text) : null;
    InboundMessage message = new InboundMessage(key, channel, user, withoutMentionOf(text, named), mentions,
        ReplyTarget.slack(channel, threadTs, ts));
    return new Message(body.path("event_id").asText(key), team, message);
  }

  // The bot user of the app: Slack lists it in authorizations (and authed_users in older payloads).
  private static String botUserId(JsonNode body) {
    JsonNode auth = body.path("authorizations");
    if (auth.isArray() && !auth.isEmpty() && auth.get(0).hasNonNull("user_id")) {
      return auth.get(0).get("user_id").asText();
    }
    JsonNode authed = body.path("authed_users");
    return authed.isArray() && !authed.isEmpty() ? authed.get(0).asText() : null;
  }

  private static String firstMention(String text) {
    var m = MENTION.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  private static String withoutMentionOf(String text, String botUser) {
    return MENTION.matcher(text).replaceAll(m -> m.group(1).equals(botUser) ? "" : m.group()).strip();
  }
}
