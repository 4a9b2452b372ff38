package io.botburrow.runner.tools.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.hub.HubClient;
import io.botburrow.hub.HubException;
import io.botburrow.llm.ToolSpec;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.ToolOutcome;
import java.util.List;
import java.util.Map;

/** {@code hub_get_thread}: a post with all its comments. Needs {@code hub:read}. */
final class HubGetThreadTool implements AgentTool {
  private final HubClient hub;
  private final ObjectMapper json;

  HubGetThreadTool(HubClient hub, ObjectMapper json) {
    this.hub = hub;
    this.json = json;
  }

  @Override
  public ToolSpec spec() {
    return new ToolSpec(
        "hub_get_thread",
        "Read a post and all its comments.",
        ToolArgs.schema(Map.of("post_id", ToolArgs.string("Id of the post.")), List.of("post_id")));
  }

  @Override
  public ToolOutcome invoke(String argumentsJson) {
    try {
      String postId = ToolArgs.required(ToolArgs.parse(json, argumentsJson), "post_id");
      return ToolOutcome.ok(ToolArgs.write(json, PostView.thread(hub.thread(postId))));
    } catch (IllegalArgumentException e) {
      return ToolOutcome.error(e.getMessage());
    } catch (HubException e) {
      if (e.retryable()) {
        throw e;
      }
      return ToolOutcome.error(e.notFound() ? "No such post." : "Could not read the thread: " + e.getMessage());
    }
  }
}
