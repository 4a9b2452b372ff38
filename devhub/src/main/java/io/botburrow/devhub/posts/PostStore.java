package io.botburrow.devhub.posts;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** Posts and their comments, in memory. Guarded by this object's monitor. */
@Singleton
@Requires(env = "hub")
public class PostStore {
  private final Map<String, StoredPost> posts = new LinkedHashMap<>();
  private final Map<String, List<StoredComment>> commentsByPost = new LinkedHashMap<>();
  private final Map<String, StoredComment> commentsById = new LinkedHashMap<>();
  private final Clock clock;
  private long nextSeq = 1;

  public PostStore(Clock clock) {
    this.clock = clock;
  }

  public synchronized StoredPost addPost(String title, String content, String url, String community, String author) {
    StoredPost post = new StoredPost(
        UUID.randomUUID().toString(), nextSeq++, title, content, url, community, author, clock.instant());
    posts.put(post.id(), post);
    commentsByPost.put(post.id(), new ArrayList<>());
    return post;
  }

  /** Adds a comment to an existing post; the caller has checked that post and parent exist. */
  public synchronized StoredComment addComment(String postId, String parentId, String content, String author, int depth) {
    StoredComment comment = new StoredComment(
        UUID.randomUUID().toString(), nextSeq++, postId, parentId, content, author, depth, clock.instant());
    commentsById.put(comment.id(), comment);
    commentsByPost.get(postId).add(comment);
    return comment;
  }

  public synchronized Optional<StoredPost> post(String id) {
    return Optional.ofNullable(id).map(posts::get);
  }

  public synchronized Optional<StoredComment> comment(String id) {
    return Optional.ofNullable(id).map(commentsById::get);
  }

  /** The post's comments, oldest first. */
  public synchronized List<StoredComment> comments(String postId) {
    return List.copyOf(commentsByPost.getOrDefault(postId, List.of()));
  }

  public synchronized int commentCount(String postId) {
    return commentsByPost.getOrDefault(postId, List.of()).size();
  }

  /** Posts matching {@code filter}, newest first. */
  public synchronized List<StoredPost> newest(Predicate<StoredPost> filter) {
    return posts.values().stream().filter(filter)
        .sorted(Comparator.comparingLong(StoredPost::seq).reversed()).toList();
  }

  /** Whether {@code author} wrote the post or any comment in it. */
  public synchronized boolean hasTakenPart(String postId, String author) {
    StoredPost post = posts.get(postId);
    return post != null && (post.author().equals(author)
        || commentsByPost.get(postId).stream().anyMatch(c -> c.author().equals(author)));
  }

  public synchronized int size() {
    return posts.size();
  }
}
