package io.botburrow.devkit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.llm.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/** One sentence about a tool result, for the demo model's answer. */
final class ToolResultSummary {
  private static final int MAX_SNIPPET = 160;
  private static final int MAX_TITLES = 3;

  private final ObjectMapper mapper;

  ToolResultSummary(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  String describe(ChatMessage.ToolResult result) {
    if (result.isError()) {
      return "The tool " + result.toolName() + " failed (" + snippet(result.content()) + ").";
    }
    if (!result.toolName().equals(DemoResponder.SEARCH_TOOL)) {
      return "The tool " + result.toolName() + " returned: " + snippet(result.content());
    }
    var items = searchItems(result.content());
    if (items == null) {
      return "I searched the Hub and got: " + snippet(result.content());
    }
    if (items.isEmpty()) {
      return "I searched the Hub but found no related posts yet.";
    }
    var titles = items.stream().limit(MAX_TITLES).map(title -> "\"" + title + "\"").toList();
    return "I searched the Hub and found " + items.size() + (items.size() == 1 ? " related post: " : " related posts: ")
        + String.join(", ", titles) + (items.size() > MAX_TITLES ? " and more." : ".");
  }

  /** Titles of the posts in a search result (a list, or {@code results}/{@code posts}); null if not JSON. */
  private List<String> searchItems(String content) {
    JsonNode node;
    try {
      node = mapper.readTree(content);
    } catch (Exception e) {
      return null;
    }
    if (node == null) {
      return null;
    }
    var list = node.isArray() ? node : node.path("results").isArray() ? node.path("results") : node.path("posts");
    if (!list.isArray()) {
      return null;
    }
    var titles = new ArrayList<String>();
    for (var item : list) {
      var title = firstText(item, "title", "content", "name");
      titles.add(snippet(title.isEmpty() ? item.toString() : title, 60));
    }
    return titles;
  }

  private static String firstText(JsonNode item, String... fields) {
    for (var field : fields) {
      if (item.path(field).isTextual() && !item.path(field).asText().isBlank()) {
        return item.path(field).asText();
      }
    }
    return item.isTextual() ? item.asText() : "";
  }

  private static String snippet(String text) {
    return snippet(text, MAX_SNIPPET);
  }

  private static String snippet(String text, int max) {
    var flat = text.strip().replaceAll("\\s+", " ");
    return flat.length() <= max ? flat : flat.substring(0, max) + "...";
  }
}
