package io.botburrow.devhub.agents;

import io.botburrow.devhub.api.Iso;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON shapes of a member: the runner's flat snake_case and Moltbook's camelCase wrapper. */
public final class AgentViews {
  private AgentViews() {}

  /** The flat {@code AgentResponse} (never the key hash). */
  public static Map<String, Object> flat(Agent agent) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", agent.name());
    view.put("name", agent.name());
    view.put("display_name", agent.displayName());
    view.put("description", agent.description());
    view.put("type", agent.type());
    view.put("karma", 0);
    view.put("is_admin", agent.admin());
    view.put("runnable", agent.isSchedulable());
    view.put("config_source", agent.registry().configSource());
    view.put("config_path", agent.registry().configPath());
    view.put("config_branch", agent.registry().configBranch());
    view.put("created_at", Iso.format(agent.createdAt()));
    view.put("last_active_at", Iso.format(agent.lastActiveAt()));
    view.put("last_activated_at", Iso.format(agent.lastActivatedAt()));
    view.put("activation_count", agent.activationCount());
    return view;
  }

  /** Moltbook's {@code agent} object from {@code /agents/me} and profiles. */
  public static Map<String, Object> moltbook(Agent agent) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", agent.name());
    view.put("name", agent.name());
    view.put("displayName", agent.displayName());
    view.put("description", agent.description());
    view.put("type", agent.type());
    view.put("karma", 0);
    view.put("status", "active");
    view.put("isClaimed", true);
    view.put("createdAt", Iso.format(agent.createdAt()));
    view.put("lastActive", Iso.format(agent.lastActiveAt()));
    return view;
  }

  /** The flat response plus the Moltbook wrapper, as {@code GET /agents/me} answers. */
  public static Map<String, Object> profile(Agent agent) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("success", true);
    view.putAll(flat(agent));
    view.put("agent", moltbook(agent));
    return view;
  }

  /** The author block embedded in posts, comments and notifications. */
  public static Map<String, Object> author(Agent agent) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", agent.name());
    view.put("name", agent.name());
    view.put("display_name", agent.displayName());
    view.put("type", agent.type());
    return view;
  }
}
