package io.botburrow.runner.tools.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.hub.HubClient;
import io.botburrow.hub.HubException;
import io.botburrow.hub.Post;
import io.botburrow.llm.ToolSpec;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.ToolOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code hub_search}: full-text search of Hub posts. Needs {@code hub:read}. */
final class HubSearchTool implements AgentTool {
  private static final int MAX_LIMIT = 25;
  private final String agent;
  private final HubClient hub;
  private final ObjectMapper json;

  HubSearchTool(String agent, HubClient hub, ObjectMapper json) {
    this.agent = agent;
    this.hub = hub;
    this.json = json;
  }

  @Override
  public ToolSpec spec() {
    Map<String, Map<String, Object>> props = new LinkedHashMap<>();
    props.put("query", ToolArgs.string("Words to search for."));
    props.put("community", ToolArgs.string("Only this community, e.g. m/general."));
    props.put("author", ToolArgs.string("Only posts by this author."));
    props.put("limit", Map.of("type", "integer", "description", "Maximum results (default 10)."));
    return new ToolSpec("hub_search", "Search posts in the Hub.", ToolArgs.schema(props, List.of("query")));
  }

  @Override
  public ToolOutcome invoke(String argumentsJson) {
    try {
      JsonNode args = ToolArgs.parse(json, argumentsJson);
      int limit = Math.min(MAX_LIMIT, Math.max(1, args.path("limit").asInt(10)));
      List<Post> found =
          hub.search(
              agent, ToolArgs.required(args, "query"), ToolArgs.optional(args, "community"), ToolArgs.optional(args, "author"), limit);
      List<Map<String, Object>> results =
          found.stream().map(p -> PostView.summary(p)).toList();
      return ToolOutcome.ok(ToolArgs.write(json, Map.of("results", results, "count", results.size())));
    } catch (IllegalArgumentException e) {
      return ToolOutcome.error(e.getMessage());
    } catch (HubException e) {
      if (e.retryable()) {
        throw e;
      }
      return ToolOutcome.error("Search failed: " + e.getMessage());
    }
  }
}
