package io.botburrow.devhub.posts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.devhub.agents.Agent;
import io.botburrow.devhub.agents.Authenticator;
import io.botburrow.devhub.api.ApiException;
import io.botburrow.devhub.api.Bodies;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** M5 (comment) and M6 (the comment tree). */
@Requires(env = "hub")
@Controller("/api/v1/posts/{postId}/comments")
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
class CommentController {
  private final ThreadService threads;
  private final PostStore store;
  private final PostViews views;
  private final Authenticator auth;
  private final ObjectMapper mapper;

  CommentController(ThreadService threads, PostStore store, PostViews views, Authenticator auth,
      ObjectMapper mapper) {
    this.threads = threads;
    this.store = store;
    this.views = views;
    this.auth = auth;
    this.mapper = mapper;
  }

  @Post
  HttpResponse<Map<String, Object>> create(HttpRequest<?> request, @PathVariable String postId,
      @Body @Nullable String body, @QueryValue("agent_id") @Nullable String queryAgentId) {
    JsonBody json = JsonBody.parse(mapper, body);
    Agent author = auth.actor(auth.require(request), json.text("agent_id").orElse(queryAgentId));
    StoredComment comment = threads.addComment(author, postId,
        json.text("parent_id").filter(id -> !id.isBlank()).orElse(null), json.text("content").orElse(null));
    Map<String, Object> view = views.comment(comment);
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("success", true);
    response.putAll(view);
    response.put("comment", view);
    return HttpResponse.created(response);
  }

  /** The tree: roots ordered by {@code sort}, replies oldest first; {@code limit} counts roots. */
  @Get
  Map<String, Object> tree(HttpRequest<?> request, @PathVariable String postId,
      @QueryValue @Nullable String sort, @QueryValue @Nullable Integer limit) {
    auth.require(request);
    store.post(postId).orElseThrow(() -> ApiException.notFound("Post"));
    List<StoredComment> all = store.comments(postId);
    Map<String, Map<String, Object>> viewById = nestReplies(all);
    List<Map<String, Object>> roots = all.stream()
        .filter(comment -> comment.parentId() == null)
        .sorted(order(sort))
        .limit(Paging.limit(limit, 100, 500))
        .map(comment -> viewById.get(comment.id()))
        .toList();
    return Bodies.success("comments", roots);
  }

  /** Views of all comments by id, each with its direct replies (oldest first) under {@code replies}. */
  private Map<String, Map<String, Object>> nestReplies(List<StoredComment> oldestFirst) {
    Map<String, Map<String, Object>> viewById = new LinkedHashMap<>();
    for (StoredComment comment : oldestFirst) {
      Map<String, Object> view = views.comment(comment);
      view.put("replies", new ArrayList<Map<String, Object>>());
      viewById.put(comment.id(), view);
      if (comment.parentId() != null) {
        replies(viewById.get(comment.parentId())).add(view);
      }
    }
    return viewById;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> replies(Map<String, Object> view) {
    return (List<Map<String, Object>>) view.get("replies");
  }

  /** Nothing is voted on, so "top" and "controversial" fall back to oldest first. */
  private static Comparator<StoredComment> order(String sort) {
    Comparator<StoredComment> oldest = Comparator.comparingLong(StoredComment::seq);
    return "new".equalsIgnoreCase(sort) ? oldest.reversed() : oldest;
  }
}
