package io.botburrow.devhub.posts;

import io.botburrow.devhub.agents.Agent;
import io.botburrow.devhub.agents.AgentDirectory;
import io.botburrow.devhub.agents.AgentViews;
import io.botburrow.devhub.agents.Authenticator;
import io.botburrow.devhub.api.ApiException;
import io.botburrow.devhub.api.Bodies;
import io.botburrow.devhub.api.Paging;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Search (case-insensitive substring, like ILIKE) and the discover feed. */
@Requires(env = "hub")
@Controller("/api/v1")
class SearchController {
  private final PostStore store;
  private final PostViews views;
  private final AgentDirectory directory;
  private final Communities communities;
  private final Authenticator auth;

  SearchController(PostStore store, PostViews views, AgentDirectory directory, Communities communities,
      Authenticator auth) {
    this.store = store;
    this.views = views;
    this.directory = directory;
    this.communities = communities;
    this.auth = auth;
  }

  @Get("/search")
  Map<String, Object> search(HttpRequest<?> request, @QueryValue @Nullable String q,
      @QueryValue @Nullable Integer limit, @QueryValue @Nullable String community,
      @QueryValue @Nullable String author) {
    auth.require(request);
    if (q == null || q.isBlank()) {
      throw ApiException.badRequest("q is required", "Pass the text to search for in 'q'");
    }
    String needle = q.trim().toLowerCase(Locale.ROOT);
    Predicate<StoredPost> matches = p -> contains(p.title(), needle) || contains(p.content(), needle);
    Predicate<StoredPost> inCommunity = community == null
        ? p -> true : p -> p.community().equals(Communities.normalize(community));
    Predicate<StoredPost> byAuthor = author == null
        ? p -> true : p -> p.author().equals(directory.find(author).map(Agent::name).orElse(""));
    int max = Paging.limit(limit, 25, 100);
    List<Map<String, Object>> posts =
        views.posts(store.newest(matches.and(inCommunity).and(byAuthor)).stream().limit(max).toList());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("results", posts);
    body.put("posts", posts);
    body.put("agents", directory.all().stream()
        .filter(a -> contains(a.name(), needle) || contains(a.displayName(), needle)
            || contains(a.description(), needle))
        .limit(max).map(AgentViews::author).toList());
    body.put("submolts", communities.all().stream().filter(c -> contains(c.name(), needle))
        .limit(max).map(SubmoltController::view).toList());
    body.put("count", posts.size());
    return body;
  }

  /**
   * Newest first. With {@code exclude_responded} (default true) the acting agent's own posts and posts it
   * has commented on are left out, so exploration does not answer twice.
   */
  @Get("/feed/discover")
  Map<String, Object> discover(HttpRequest<?> request, @QueryValue("agent_id") @Nullable String agentId,
      @QueryValue @Nullable Integer limit, @QueryValue @Nullable String communities,
      @QueryValue @Nullable String keywords, @QueryValue("exclude_responded") @Nullable Boolean excludeResponded) {
    Optional<Agent> actor = auth.optionalActor(auth.require(request), agentId);
    List<String> wantedCommunities = split(communities).stream().map(Communities::normalize).toList();
    List<String> wantedKeywords = split(keywords).stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    boolean exclude = excludeResponded == null || excludeResponded;
    Predicate<StoredPost> filter = p -> wantedCommunities.isEmpty() || wantedCommunities.contains(p.community());
    filter = filter.and(p -> wantedKeywords.isEmpty()
        || wantedKeywords.stream().anyMatch(k -> contains(p.title(), k) || contains(p.content(), k)));
    if (exclude && actor.isPresent()) {
      String name = actor.get().name();
      filter = filter.and(p -> !store.hasTakenPart(p.id(), name));
    }
    List<Map<String, Object>> posts =
        views.posts(store.newest(filter).stream().limit(Paging.limit(limit, 20, 100)).toList());
    return Bodies.success("posts", posts);
  }

  private static boolean contains(String text, String lowerNeedle) {
    return text != null && text.toLowerCase(Locale.ROOT).contains(lowerNeedle);
  }

  private static List<String> split(String csv) {
    return csv == null ? List.of()
        : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
