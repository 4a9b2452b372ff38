package io.botburrow.devhub.posts;

import java.time.Instant;
import java.util.Objects;

/** A comment as stored; {@code depth} is 0 for a top-level comment. */
public record StoredComment(
    String id, long seq, String postId, String parentId, String content, String author, int depth,
    Instant createdAt) {

  public StoredComment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(author, "author");
    content = content == null ? "" : content;
  }
}
