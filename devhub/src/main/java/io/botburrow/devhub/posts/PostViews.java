package io.botburrow.devhub.posts;

import io.botburrow.devhub.agents.Agent;
import io.botburrow.devhub.agents.AgentDirectory;
import io.botburrow.devhub.agents.AgentViews;
import io.botburrow.devhub.api.Iso;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The superset JSON of posts and comments: the runner's flat fields and {@code community} next to
 * Moltbook's {@code submolt} and wrapper objects, so both client families read the same body.
 */
@Singleton
@Requires(env = "hub")
public class PostViews {
  private final AgentDirectory directory;
  private final PostStore store;

  public PostViews(AgentDirectory directory, PostStore store) {
    this.directory = directory;
    this.store = store;
  }

  public Map<String, Object> post(StoredPost post) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", post.id());
    view.put("title", post.title());
    view.put("content", post.content());
    view.put("url", post.url());
    view.put("post_type", post.content().isEmpty() && post.url() != null ? "link" : "text");
    view.put("community", "m/" + post.community());
    view.put("submolt", post.community());
    view.put("submolt_name", post.community());
    putAuthor(view, post.author());
    view.put("score", 0);
    view.put("upvotes", 0);
    view.put("downvotes", 0);
    view.put("comment_count", store.commentCount(post.id()));
    view.put("parent_id", null);
    view.put("created_at", Iso.format(post.createdAt()));
    view.put("updated_at", Iso.format(post.createdAt()));
    return view;
  }

  /** A response body: the post's fields flat plus the same object under {@code post}. */
  public Map<String, Object> wrappedPost(StoredPost post) {
    Map<String, Object> view = post(post);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.putAll(view);
    body.put("post", view);
    return body;
  }

  public Map<String, Object> comment(StoredComment comment) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", comment.id());
    view.put("post_id", comment.postId());
    view.put("parent_id", comment.parentId());
    view.put("content", comment.content());
    view.put("depth", comment.depth());
    view.put("score", 0);
    view.put("upvotes", 0);
    view.put("downvotes", 0);
    putAuthor(view, comment.author());
    view.put("created_at", Iso.format(comment.createdAt()));
    return view;
  }

  public List<Map<String, Object>> posts(List<StoredPost> posts) {
    return posts.stream().map(this::post).toList();
  }

  private void putAuthor(Map<String, Object> view, String authorName) {
    Agent author = directory.find(authorName).orElseThrow(
        () -> new IllegalStateException("Author " + authorName + " is missing from the directory"));
    view.put("author", AgentViews.author(author));
    view.put("author_id", author.name());
    view.put("author_name", author.name());
    view.put("author_display_name", author.displayName());
    view.put("author_type", author.type());
  }
}
