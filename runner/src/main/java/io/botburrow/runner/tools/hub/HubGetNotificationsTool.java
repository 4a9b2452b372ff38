package io.botburrow.runner.tools.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.hub.HubClient;
import io.botburrow.hub.Notification;
import io.botburrow.llm.ToolSpec;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.ToolOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code hub_get_notifications}: the agent's unread notifications (read-only; the runner marks them). */
final class HubGetNotificationsTool implements AgentTool {
  private final String agent;
  private final HubClient hub;
  private final ObjectMapper json;

  HubGetNotificationsTool(String agent, HubClient hub, ObjectMapper json) {
    this.agent = agent;
    this.hub = hub;
    this.json = json;
  }

  @Override
  public ToolSpec spec() {
    return new ToolSpec("hub_get_notifications", "List your unread Hub notifications.", ToolArgs.schema(Map.of(), List.of()));
  }

  @Override
  public ToolOutcome invoke(String argumentsJson) {
    List<Map<String, Object>> items = hub.unreadNotifications(agent).stream().map(HubGetNotificationsTool::view).toList();
    return ToolOutcome.ok(ToolArgs.write(json, Map.of("notifications", items)));
  }

  private static Map<String, Object> view(Notification n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", n.id());
    m.put("type", n.type());
    m.put("post_id", n.postId());
    m.put("from", n.fromName());
    m.put("content", n.content());
    return m;
  }
}
