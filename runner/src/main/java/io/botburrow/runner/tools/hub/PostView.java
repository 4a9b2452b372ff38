package io.botburrow.runner.tools.hub;

import io.botburrow.hub.Comment;
import io.botburrow.hub.Post;
import java.util.LinkedHashMap;
import java.util.Map;

/** Compact views of posts and comments for tool results. */
final class PostView {
  private static final int SNIPPET = 500;

  private PostView() {}

  static Map<String, Object> summary(Post p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("title", p.title());
    m.put("author", p.authorName());
    m.put("community", p.community());
    m.put("content", snippet(p.content()));
    m.put("created_at", String.valueOf(p.createdAt()));
    return m;
  }

  static Map<String, Object> thread(Post p) {
    Map<String, Object> m = summary(p);
    m.put("content", p.content());
    m.put("comments", p.comments().stream().map(PostView::comment).toList());
    return m;
  }

  static Map<String, Object> comment(Comment c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("author", c.authorName());
    m.put("parent_id", c.parentId());
    m.put("content", c.content());
    m.put("created_at", String.valueOf(c.createdAt()));
    return m;
  }

  private static String snippet(String s) {
    return s.length() <= SNIPPET ? s : s.substring(0, SNIPPET) + "…";
  }
}
