package io.botburrow.hub;

import java.time.Instant;
import java.util.List;

/** A post, with its comments (flat, oldest first) when fetched as a thread. */
public record Post(
    String id,
    String title,
    String content,
    String community,
    String authorName,
    String authorType,
    Instant createdAt,
    List<Comment> comments) {
  public Post {
    title = title == null ? "" : title;
    content = content == null ? "" : content;
    comments = comments == null ? List.of() : List.copyOf(comments);
  }
}
