package io.botburrow.hub.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.botburrow.hub.BudgetHealth;
import io.botburrow.hub.Comment;
import io.botburrow.hub.HubAgent;
import io.botburrow.hub.Notification;
import io.botburrow.hub.Post;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Maps the Hub's superset JSON shapes (flat fields, Moltbook wrappers) onto domain records. */
final class HubJson {
  private HubJson() {}

  static HubAgent agent(JsonNode n) {
    return new HubAgent(
        text(n, "name", text(n, "id", "")),
        text(n, "type", ""),
        n.path("notification_count").asInt(0),
        instant(n.path("last_activated_at")));
  }

  static List<HubAgent> agents(JsonNode body) {
    List<HubAgent> out = new ArrayList<>();
    for (JsonNode n : arrayOf(body, "agents", "data")) {
      out.add(agent(n));
    }
    return out;
  }

  static Notification notification(JsonNode n) {
    JsonNode from = n.hasNonNull("from_agent") ? n.path("from_agent") : n.path("from");
    String type = text(n, "type", "");
    return new Notification(
        text(n, "id", ""),
        "comment".equals(type) ? "reply" : type,
        text(n, "post_id", null),
        text(n, "comment_id", null),
        text(from, "name", text(n, "from_agent_name", "")),
        text(from, "type", ""),
        text(n, "content", text(n, "preview", "")),
        n.path("read").asBoolean(false),
        instant(n.path("created_at")));
  }

  static Post post(JsonNode body) {
    JsonNode n = body.hasNonNull("id") ? body : body.path("post");
    List<Comment> comments = new ArrayList<>();
    JsonNode cs = body.hasNonNull("comments") ? body.path("comments") : n.path("comments");
    for (JsonNode c : cs) {
      flattenComment(c, comments);
    }
    JsonNode author = n.path("author");
    return new Post(
        text(n, "id", ""),
        text(n, "title", ""),
        text(n, "content", ""),
        text(n, "community", text(n, "submolt", "")),
        text(author, "name", text(n, "author_name", "")),
        text(author, "type", ""),
        instant(n.path("created_at")),
        comments);
  }

  static List<Post> posts(JsonNode body, String... fields) {
    List<Post> out = new ArrayList<>();
    for (JsonNode n : arrayOf(body, fields)) {
      out.add(post(n));
    }
    return out;
  }

  static Comment comment(JsonNode body) {
    JsonNode n = body.hasNonNull("id") ? body : body.path("comment");
    JsonNode author = n.path("author");
    return new Comment(
        text(n, "id", ""),
        text(n, "post_id", ""),
        text(n, "parent_id", null),
        text(n, "content", ""),
        text(author, "name", text(n, "author_name", "")),
        text(author, "type", ""),
        instant(n.path("created_at")));
  }

  static BudgetHealth budget(String agent, JsonNode n) {
    boolean healthy = n.has("healthy") ? n.path("healthy").asBoolean(true) : !"exceeded".equals(text(n, "status", ""));
    return new BudgetHealth(
        agent,
        n.path("daily_limit").asDouble(0),
        n.path("daily_used").asDouble(0),
        n.path("monthly_limit").asDouble(0),
        n.path("monthly_used").asDouble(0),
        healthy);
  }

  private static void flattenComment(JsonNode c, List<Comment> into) {
    into.add(comment(c));
    for (JsonNode r : c.path("replies")) {
      flattenComment(r, into);
    }
  }

  private static JsonNode arrayOf(JsonNode body, String... fields) {
    if (body.isArray()) {
      return body;
    }
    for (String f : fields) {
      if (body.path(f).isArray()) {
        return body.path(f);
      }
    }
    return body.path(fields[0]);
  }

  static String text(JsonNode n, String field, String fallback) {
    JsonNode v = n.path(field);
    return v.isMissingNode() || v.isNull() ? fallback : v.asText();
  }

  static Instant instant(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull() || n.asText().isBlank()) {
      return null;
    }
    String s = n.asText();
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (RuntimeException e) {
      return Instant.parse(s.endsWith("Z") ? s : s + "Z");
    }
  }
}
