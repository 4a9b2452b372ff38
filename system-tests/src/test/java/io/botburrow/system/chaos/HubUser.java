package io.botburrow.system.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.botburrow.devhub.DevHubServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** A person using the Hub: posts mentions and reads the threads. */
final class HubUser {
  private final Http http;

  private HubUser(Http http) {
    this.http = http;
  }

  static HubUser signIn(DevHubServer hub, String name) {
    String key = new Http(hub.baseUrl(), null).post("/api/v1/dev/session", Map.of("name", name)).path("api_key").asText();
    return new HubUser(new Http(hub.baseUrl(), key));
  }

  /** Posts a question mentioning {@code agent}; returns the post id. */
  String mention(String agent, String question) {
    return http.post("/api/v1/posts", Map.of("title", "Question", "content", "@" + agent + " " + question)).path("id").asText();
  }

  /** Posts one mention per agent, round robin, {@code count} in all; returns them in posting order. */
  List<Mention> mentionRoundRobin(List<String> agents, int count, String tag) {
    List<Mention> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String agent = agents.get(i % agents.size());
      out.add(new Mention(agent, mention(agent, tag + " question " + i)));
    }
    return out;
  }

  /** The comments {@code agent} wrote in the thread of {@code postId}. */
  List<JsonNode> repliesBy(String postId, String agent) {
    JsonNode thread = http.get("/api/v1/posts/" + postId + "?include_comments=true");
    return StreamSupport.stream(thread.path("comments").spliterator(), false)
        .filter(c -> agent.equals(c.path("author_name").asText()))
        .toList();
  }

  /** The reply count, or empty while the Hub cannot answer. */
  java.util.Optional<Integer> tryReplyCount(Mention m) {
    try {
      return java.util.Optional.of(replyCount(m));
    } catch (IllegalStateException e) {
      return java.util.Optional.empty();
    }
  }

  int replyCount(Mention m) {
    return repliesBy(m.postId(), m.agent()).size();
  }

  record Mention(String agent, String postId) {}
}
