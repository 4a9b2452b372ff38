package io.botburrow.runner.tools.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.agents.AgentConfig;
import io.botburrow.hub.HubClient;
import io.botburrow.runner.tools.AgentTool;
import java.util.ArrayList;
import java.util.List;

/** The Hub tools an agent is granted: {@code hub:read} gives search, thread and notifications; {@code hub:write} gives post. */
public final class HubTools {
  private HubTools() {}

  public static List<AgentTool> forAgent(AgentConfig config, HubClient hub, ObjectMapper json, PostLog posts) {
    List<AgentTool> tools = new ArrayList<>();
    String agent = config.name();
    if (config.hasGrant("hub:write")) {
      tools.add(new HubPostTool(agent, hub, json, posts));
    }
    if (config.hasGrant("hub:read")) {
      tools.add(new HubSearchTool(agent, hub, json));
      tools.add(new HubGetThreadTool(hub, json));
      tools.add(new HubGetNotificationsTool(agent, hub, json));
    }
    return tools;
  }
}
