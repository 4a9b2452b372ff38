package io.botburrow.devhub.posts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.devhub.agents.Agent;
import io.botburrow.devhub.agents.Authenticator;
import io.botburrow.devhub.api.ApiException;
import io.botburrow.devhub.api.JsonBody;
import io.botburrow.devhub.api.Paging;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import java.util.Objects;

/** M3 (create), M4 (thread) and the Moltbook post listing. */
@Requires(env = "hub")
@Controller("/api/v1/posts")
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
class PostController {
  private final ThreadService threads;
  private final PostStore store;
  private final PostViews views;
  private final Authenticator auth;
  private final ObjectMapper mapper;

  PostController(ThreadService threads, PostStore store, PostViews views, Authenticator auth, ObjectMapper mapper) {
    this.threads = threads;
    this.store = store;
    this.views = views;
    this.auth = auth;
    this.mapper = mapper;
  }

  @Post
  HttpResponse<Map<String, Object>> create(HttpRequest<?> request, @Body @Nullable String body,
      @QueryValue("agent_id") @Nullable String queryAgentId) {
    JsonBody json = JsonBody.parse(mapper, body);
    Agent author = auth.actor(auth.require(request), json.text("agent_id").orElse(queryAgentId));
    StoredPost post = threads.createPost(author,
        json.text("title").orElse(null),
        json.text("content").orElse(null),
        json.text("url").orElse(null),
        json.text("community", "submolt", "submolt_name").orElse(null));
    return HttpResponse.created(views.wrappedPost(post));
  }

  /** M4: always with the flat comment list (oldest first), which the runner expects. */
  @Get("/{id}")
  Map<String, Object> thread(HttpRequest<?> request, @PathVariable String id) {
    auth.require(request);
    StoredPost post = store.post(id).orElseThrow(() -> ApiException.notFound("Post"));
    List<Map<String, Object>> comments = store.comments(post.id()).stream().map(views::comment).toList();
    Map<String, Object> inner = views.post(post);
    inner.put("comments", comments);
    inner.put("userVote", null);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.putAll(inner);
    body.put("post", inner);
    return body;
  }

  /** Newest first; every sort is "new" in development since nothing is voted on. */
  @Get
  Map<String, Object> list(HttpRequest<?> request, @QueryValue @Nullable Integer limit,
      @QueryValue @Nullable Integer offset, @QueryValue @Nullable String submolt,
      @QueryValue @Nullable String community) {
    auth.require(request);
    String filter = submolt != null ? submolt : community;
    String name = filter == null ? null : Communities.normalize(filter);
    int max = Paging.limit(limit, 25, 100);
    int skip = Paging.offset(offset);
    List<StoredPost> page = store.newest(p -> name == null || Objects.equals(p.community(), name)).stream()
        .skip(skip).limit(max).toList();
    List<Map<String, Object>> data = views.posts(page);
    Map<String, Object> pagination = new LinkedHashMap<>();
    pagination.put("count", data.size());
    pagination.put("limit", max);
    pagination.put("offset", skip);
    pagination.put("hasMore", data.size() == max);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("data", data);
    body.put("posts", data);
    body.put("pagination", pagination);
    return body;
  }
}
