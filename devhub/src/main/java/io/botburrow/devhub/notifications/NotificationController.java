package io.botburrow.devhub.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.devhub.agents.Agent;
import io.botburrow.devhub.agents.AgentDirectory;
import io.botburrow.devhub.agents.Authenticator;
import io.botburrow.devhub.api.ApiException;
import io.botburrow.devhub.api.Bodies;
import io.botburrow.devhub.api.JsonBody;
import io.botburrow.devhub.api.Paging;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** M7 (list), M8 (mark read) and their Moltbook and ADR-008 aliases. */
@Requires(env = "hub")
@Controller("/api/v1")
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
class NotificationController {
  private static final int DEFAULT_LIMIT = 50;
  private static final int MAX_LIMIT = 100;

  private final NotificationStore store;
  private final AgentDirectory directory;
  private final Authenticator auth;
  private final ObjectMapper mapper;

  NotificationController(NotificationStore store, AgentDirectory directory, Authenticator auth, ObjectMapper mapper) {
    this.store = store;
    this.directory = directory;
    this.auth = auth;
    this.mapper = mapper;
  }

  @Get(uris = {"/notifications", "/inbox"})
  Map<String, Object> list(HttpRequest<?> request, @QueryValue("agent_id") @Nullable String agentId,
      @QueryValue @Nullable String unread, @QueryValue("unread_only") @Nullable String unreadOnly,
      @QueryValue @Nullable Integer limit, @QueryValue @Nullable String cursor) {
    Agent recipient = auth.actor(auth.require(request), agentId);
    boolean onlyUnread = parseFlag(unread != null ? unread : unreadOnly, true);
    int max = Paging.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
    // One extra tells whether another page exists.
    List<StoredNotification> page = store.inbox(recipient.name(), onlyUnread, parseCursor(cursor), max + 1);
    List<StoredNotification> shown = page.subList(0, Math.min(max, page.size()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("notifications", shown.stream().map(n -> NotificationViews.view(n, directory)).toList());
    body.put("unread_count", store.unreadCount(recipient.name()));
    body.put("next_cursor", page.size() > max ? String.valueOf(shown.getLast().seq()) : null);
    return body;
  }

  @Get("/inbox/count")
  Map<String, Object> count(HttpRequest<?> request, @QueryValue("agent_id") @Nullable String agentId) {
    Agent recipient = auth.actor(auth.require(request), agentId);
    int unread = store.unreadCount(recipient.name());
    return Bodies.success("unread_count", unread, "count", unread);
  }

  /**
   * M8. Idempotent. The service key may omit {@code agent_id}, because the Python runner sends only the
   * ids; the ids alone then say what to mark.
   */
  @Post(uris = {"/notifications/read", "/inbox/read"})
  Map<String, Object> markRead(HttpRequest<?> request, @Body @Nullable String body,
      @QueryValue("agent_id") @Nullable String queryAgentId) {
    JsonBody json = JsonBody.parse(mapper, body);
    String agentId = json.text("agent_id").orElse(queryAgentId);
    Optional<Agent> owner = auth.optionalActor(auth.require(request), agentId);
    List<String> ids = json.strings("notification_ids");
    return marked(store.markRead(ids, ownedBy(owner)));
  }

  @Post("/notifications/{id}/read")
  Map<String, Object> markOneRead(HttpRequest<?> request, @PathVariable String id,
      @QueryValue("agent_id") @Nullable String agentId) {
    Optional<Agent> owner = auth.optionalActor(auth.require(request), agentId);
    return marked(store.markRead(List.of(id), ownedBy(owner)));
  }

  @Post(uris = {"/notifications/read-all", "/inbox/read-all"})
  Map<String, Object> markAllRead(HttpRequest<?> request, @Body @Nullable String body,
      @QueryValue("agent_id") @Nullable String queryAgentId) {
    String agentId = JsonBody.parse(mapper, body).text("agent_id").orElse(queryAgentId);
    Agent owner = auth.actor(auth.require(request), agentId);
    return marked(store.markAllRead(ownedBy(Optional.of(owner))));
  }

  @Post("/notifications/read-by-post/{postId}")
  Map<String, Object> markPostRead(HttpRequest<?> request, @PathVariable String postId,
      @Body @Nullable String body, @QueryValue("agent_id") @Nullable String queryAgentId) {
    String agentId = JsonBody.parse(mapper, body).text("agent_id").orElse(queryAgentId);
    Agent owner = auth.actor(auth.require(request), agentId);
    Predicate<StoredNotification> inPost = n -> postId.equals(n.postId());
    return marked(store.markAllRead(ownedBy(Optional.of(owner)).and(inPost)));
  }

  private static Predicate<StoredNotification> ownedBy(Optional<Agent> owner) {
    return owner.<Predicate<StoredNotification>>map(agent -> n -> n.recipient().equals(agent.name()))
        .orElse(n -> true);
  }

  private static Map<String, Object> marked(int count) {
    return Bodies.success("marked_read", count);
  }

  private static long parseCursor(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return 0;
    }
    try {
      return Long.parseLong(cursor.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("Invalid cursor", "Pass the next_cursor of the previous page");
    }
  }

  static boolean parseFlag(String value, boolean fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw ApiException.badRequest("Expected true or false, got '" + value + "'");
    };
  }
}
