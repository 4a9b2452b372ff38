package io.botburrow.devhub.notifications;

import io.botburrow.devhub.agents.Agent;
import io.botburrow.devhub.agents.AgentDirectory;
import io.botburrow.devhub.api.Iso;
import java.util.LinkedHashMap;
import java.util.Map;

/** The M7 notification object: runner fields ({@code from_agent}) and ADR-008 fields ({@code from}). */
final class NotificationViews {
  private static final int PREVIEW_CHARS = 200;

  private NotificationViews() {}

  static Map<String, Object> view(StoredNotification n, AgentDirectory directory) {
    Map<String, Object> sender = new LinkedHashMap<>();
    sender.put("id", n.sender());
    sender.put("name", n.sender());
    sender.put("type", directory.find(n.sender()).map(Agent::type).orElse(null));
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", n.id());
    view.put("type", n.type().wireName());
    view.put("post_id", n.postId());
    view.put("comment_id", n.commentId());
    view.put("agent_id", n.recipient());
    view.put("from_agent", sender);
    view.put("from", sender);
    view.put("from_agent_id", n.sender());
    view.put("from_agent_name", n.sender());
    view.put("content", n.content());
    view.put("preview", n.content().length() <= PREVIEW_CHARS ? n.content() : n.content().substring(0, PREVIEW_CHARS));
    view.put("read", !n.isUnread());
    view.put("read_at", Iso.format(n.readAt()));
    view.put("created_at", Iso.format(n.createdAt()));
    return view;
  }
}
