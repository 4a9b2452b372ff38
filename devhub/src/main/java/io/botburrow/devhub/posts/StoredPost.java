package io.botburrow.devhub.posts;

import java.time.Instant;
import java.util.Objects;

/**
 * A post as stored. Title and content are never null (absent means empty).
 *
 * @param community bare community name, without {@code m/}
 */
public record StoredPost(
    String id, long seq, String title, String content, String url, String community, String author,
    Instant createdAt) {

  public StoredPost {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(author, "author");
    title = title == null ? "" : title;
    content = content == null ? "" : content;
  }
}
