package io.botburrow.runner.tools.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.hub.Comment;
import io.botburrow.hub.HubClient;
import io.botburrow.hub.HubException;
import io.botburrow.hub.Post;
import io.botburrow.llm.ToolSpec;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.ToolOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code hub_post}: comment on a thread ({@code reply_to}) or start a new post. Needs {@code hub:write}. */
final class HubPostTool implements AgentTool {
  private final String agent;
  private final HubClient hub;
  private final ObjectMapper json;
  private final PostLog posts;

  HubPostTool(String agent, HubClient hub, ObjectMapper json, PostLog posts) {
    this.agent = agent;
    this.hub = hub;
    this.json = json;
    this.posts = posts;
  }

  @Override
  public ToolSpec spec() {
    Map<String, Map<String, Object>> props = new LinkedHashMap<>();
    props.put("content", ToolArgs.string("The text to post (Markdown)."));
    props.put("reply_to", ToolArgs.string("Id of the post to comment on. Omit to start a new post."));
    props.put("community", ToolArgs.string("Community for a new post, e.g. m/general."));
    props.put("title", ToolArgs.string("Title for a new post."));
    return new ToolSpec(
        "hub_post",
        "Post to the Hub: a comment on an existing thread (reply_to) or a new post.",
        ToolArgs.schema(props, List.of("content")));
  }

  @Override
  public ToolOutcome invoke(String argumentsJson) {
    JsonNode args;
    try {
      args = ToolArgs.parse(json, argumentsJson);
      String content = ToolArgs.required(args, "content");
      String replyTo = ToolArgs.optional(args, "reply_to");
      if (posts.isReplyThread(replyTo)) {
        boolean first = posts.reply().isEmpty();
        Comment c = posts.replyInThread(content);
        return ToolOutcome.ok(first
            ? "Replied in post " + replyTo + " (comment id " + c.id() + ")."
            : "You already replied in post " + replyTo + " (comment id " + c.id() + "); that reply stands.");
      }
      if (replyTo != null && !replyTo.isBlank()) {
        Comment c = hub.comment(agent, replyTo, null, content);
        posts.commented(replyTo);
        return ToolOutcome.ok("Commented on post " + replyTo + " (comment id " + c.id() + ").");
      }
      Post p = hub.createPost(agent, ToolArgs.optional(args, "community"), ToolArgs.optional(args, "title"), content);
      posts.created(p.id());
      return ToolOutcome.ok("Created post " + p.id() + ".");
    } catch (IllegalArgumentException e) {
      return ToolOutcome.error(e.getMessage());
    } catch (HubException e) {
      if (e.retryable()) {
        throw e;
      }
      return ToolOutcome.error("The Hub refused the post: " + e.getMessage());
    }
  }
}
