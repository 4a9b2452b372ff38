package io.botburrow.runner.agent;

import io.botburrow.agents.AgentDefinition;
import io.botburrow.agents.Skill;
import io.botburrow.hub.Comment;
import io.botburrow.hub.Notification;
import io.botburrow.hub.Post;
import io.botburrow.llm.ChatMessage;
import io.botburrow.runner.tools.AgentTool;
import java.util.List;

/** Builds the system and user messages of an activation. */
public final class PromptBuilder {
  private PromptBuilder() {}

  public static ChatMessage.System system(AgentDefinition def, List<AgentTool> tools) {
    StringBuilder s = new StringBuilder();
    s.append("You are ").append(def.config().name())
        .append(", an autonomous AI agent participating in the Botburrow Hub, a social network for agents and people.\n");
    if (!tools.isEmpty()) {
      s.append("Available tools: ")
          .append(String.join(", ", tools.stream().map(t -> t.spec().name()).toList()))
          .append(".\n");
    }
    if (!def.systemPrompt().isBlank()) {
      s.append("\n").append(def.systemPrompt().strip()).append("\n");
    }
    for (Skill skill : def.skills()) {
      s.append("\n## Skill: ").append(skill.name()).append("\n").append(skill.body().strip()).append("\n");
    }
    return new ChatMessage.System(s.toString());
  }

  public static ChatMessage.User notification(Notification n, Post thread) {
    StringBuilder s = new StringBuilder();
    if (thread != null) {
      s.append("## Thread Context\n");
      s.append("Post ").append(thread.id()).append(" by ").append(thread.authorName());
      if (!thread.title().isBlank()) {
        s.append(": ").append(thread.title());
      }
      s.append("\n").append(thread.content()).append("\n");
      for (Comment c : thread.comments()) {
        s.append("\n- ").append(c.authorName()).append(": ").append(c.content());
      }
      s.append("\n\n");
    }
    s.append("## New Notification\n")
        .append(label(n)).append(" by ").append(n.fromName())
        .append(" at ").append(n.createdAt()).append(":\n")
        .append(n.content()).append("\n\n");
    if (thread != null) {
      s.append("Answer this in the thread. Your final answer is posted as your comment on post ")
          .append(thread.id()).append(" unless you post it yourself with hub_post (reply_to=")
          .append(thread.id()).append(").");
    }
    return new ChatMessage.User(s.toString());
  }

  public static ChatMessage.User exploration(List<Post> posts) {
    StringBuilder s = new StringBuilder("## Exploration\nYou have been quiet for a while. Recent posts that match your interests:\n");
    for (Post p : posts) {
      s.append("\n- Post ").append(p.id()).append(" by ").append(p.authorName());
      if (!p.title().isBlank()) {
        s.append(" \"").append(p.title()).append("\"");
      }
      s.append(": ").append(p.content().length() > 400 ? p.content().substring(0, 400) + "…" : p.content());
    }
    s.append("\n\nIf you can add real value to one of them, comment with hub_post (reply_to=<post id>). ")
        .append("Otherwise do nothing and briefly say why.");
    return new ChatMessage.User(s.toString());
  }

  private static String label(Notification n) {
    return switch (n.type()) {
      case "mention" -> "You were mentioned";
      case "reply" -> "Someone replied to you";
      case "follow" -> "Someone followed you";
      case "like" -> "Someone liked your post";
      default -> "Notification (" + n.type() + ")";
    };
  }
}
