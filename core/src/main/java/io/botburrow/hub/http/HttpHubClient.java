package io.botburrow.hub.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.hub.BudgetHealth;
import io.botburrow.hub.Comment;
import io.botburrow.hub.Consumption;
import io.botburrow.hub.HubAgent;
import io.botburrow.hub.HubClient;
import io.botburrow.hub.HubException;
import io.botburrow.hub.LongPollUnsupportedException;
import io.botburrow.hub.Notification;
import io.botburrow.hub.NotificationPoll;
import io.botburrow.hub.Post;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link HubClient} over the Hub's REST API (hub-contract §6.2), acting with the service key. */
public final class HttpHubClient implements HubClient {
  /** How much older than the first attempt an earlier attempt's stored write may look (Hub clock). */
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
  private final HubHttp http;

  public HttpHubClient(HubClientProperties props, ObjectMapper json) {
    HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    this.http = new HubHttp(client, json, props);
  }

  @Override
  public List<HubAgent> pollAgentsWithNotifications(Duration timeout, int batchSize) {
    return pollNewNotifications(timeout, batchSize, null).agents();
  }

  @Override
  public NotificationPoll pollNewNotifications(Duration timeout, int batchSize, String cursor) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("timeout", Math.max(1, timeout.toSeconds()));
    query.put("batch_size", batchSize);
    if (cursor != null) {
      query.put("cursor", cursor);
    }
    try {
      JsonNode body = http.getOnce("/notifications/poll", query, timeout.plusSeconds(10));
      return new NotificationPoll(HubJson.agents(body), HubJson.text(body, "cursor", null));
    } catch (HubException e) {
      if (e.notFound()) {
        throw new LongPollUnsupportedException();
      }
      throw e;
    }
  }

  @Override
  public List<HubAgent> agentsWithNotifications() {
    return HubJson.agents(http.get("/agents", Map.of("has_notifications", "true")));
  }

  @Override
  public List<HubAgent> staleAgents(Duration minStaleness, int limit) {
    return HubJson.agents(
        http.get("/agents", Map.of("stale", "true", "min_staleness", minStaleness.toSeconds(), "limit", limit)));
  }

  @Override
  public List<Notification> unreadNotifications(String agent) {
    JsonNode body = http.get("/notifications", Map.of("agent_id", agent, "unread", "true", "limit", 100));
    List<Notification> out = new ArrayList<>();
    for (JsonNode n : body.path("notifications")) {
      out.add(HubJson.notification(n));
    }
    return out;
  }

  @Override
  public int markRead(String agent, List<String> notificationIds) {
    if (notificationIds.isEmpty()) {
      return 0;
    }
    JsonNode body = http.post("/notifications/read", Map.of("agent_id", agent, "notification_ids", notificationIds), null);
    return body.path("marked_read").asInt(notificationIds.size());
  }

  @Override
  public Post thread(String postId) {
    return HubJson.post(http.get("/posts/" + HubHttp.enc(postId), Map.of("include_comments", "true")));
  }

  @Override
  public Comment comment(String agent, String postId, String parentId, String content, String idempotencyKey) {
    Map<String, Object> body = new HashMap<>();
    body.put("agent_id", agent);
    body.put("content", content);
    if (parentId != null) {
      body.put("parent_id", parentId);
    }
    Instant since = Instant.now().minus(CLOCK_SKEW);
    String path = "/posts/" + HubHttp.enc(postId) + "/comments";
    return CheckedWrite.run(http, "comment on post " + postId,
        () -> HubJson.comment(http.postOnce(path, body, idempotencyKey)),
        () -> thread(postId).comments().stream()
            .filter(c -> agent.equals(c.authorName()) && Objects.equals(parentId, c.parentId())
                && content.strip().equals(c.content().strip()) && (c.createdAt() == null || !c.createdAt().isBefore(since)))
            .findFirst());
  }

  @Override
  public Post createPost(String agent, String community, String title, String content, String idempotencyKey) {
    String where = community == null || community.isBlank() ? "general" : community;
    Map<String, Object> body = new HashMap<>();
    body.put("agent_id", agent);
    body.put("content", content);
    if (title != null && !title.isBlank()) {
      body.put("title", title);
    }
    body.put("community", where);
    Instant since = Instant.now().minus(CLOCK_SKEW);
    return CheckedWrite.run(http, "post in " + where,
        () -> HubJson.post(http.postOnce("/posts", body, idempotencyKey)),
        () -> HubJson.posts(http.get("/posts", Map.of("community", where, "sort", "new", "limit", 50)), "posts", "data")
            .stream()
            .filter(p -> agent.equals(p.authorName()) && content.strip().equals(p.content().strip())
                && (p.createdAt() == null || !p.createdAt().isBefore(since)))
            .findFirst());
  }

  @Override
  public List<Post> search(String agent, String query, String community, String author, int limit) {
    Map<String, Object> q = new HashMap<>();
    q.put("q", query);
    q.put("limit", limit);
    q.put("agent_id", agent);
    q.put("community", community);
    q.put("author", author);
    return HubJson.posts(http.get("/search", q), "results", "posts");
  }

  @Override
  public List<Post> discover(String agent, List<String> communities, List<String> keywords, int limit) {
    Map<String, Object> q = new HashMap<>();
    q.put("agent_id", agent);
    q.put("limit", limit);
    q.put("exclude_responded", "true");
    q.put("communities", communities.isEmpty() ? null : String.join(",", communities));
    q.put("keywords", keywords.isEmpty() ? null : String.join(",", keywords));
    return HubJson.posts(http.get("/feed/discover", q), "posts", "data");
  }

  @Override
  public BudgetHealth budgetHealth(String agent) {
    return HubJson.budget(agent, http.get("/system/budget-health", Map.of("agent_id", agent)));
  }

  @Override
  public void reportConsumption(Consumption c, String idempotencyKey) {
    Map<String, Object> body = new HashMap<>();
    body.put("agent_id", c.agent());
    body.put("activation_id", c.activationId());
    body.put("tool_type", c.toolType());
    body.put("tokens_input", c.tokensInput());
    body.put("tokens_output", c.tokensOutput());
    body.put("cost_usd", c.costUsd());
    body.put("duration_seconds", c.durationSeconds());
    http.post("/system/consumption", body, idempotencyKey);
  }

  @Override
  public boolean reachable() {
    try {
      http.get("/health", Map.of());
      return true;
    } catch (HubException e) {
      return false;
    }
  }

  @Override
  public void markActivated(String agent) {
    http.post("/agents/" + HubHttp.enc(agent) + "/activated", Map.of(), null);
  }

  @Override
  public boolean registerAgent(String name, String displayName, String description, String type) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("display_name", displayName == null ? name : displayName);
    body.put("description", description == null ? "" : description);
    body.put("type", type == null ? "native" : type);
    try {
      http.post("/agents/register", body, null);
      return true;
    } catch (HubException e) {
      if (e.status() == 409) {
        return false;
      }
      throw e;
    }
  }
}
