package io.botburrow.devhub.system;

import io.botburrow.devhub.agents.AgentDirectory;
import io.botburrow.devhub.posts.PostStore;
import io.botburrow.devhub.scheduling.PollWaiters;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.LinkedHashMap;
import java.util.Map;

/** Liveness without credentials, labelled as the development Hub. */
@Requires(env = "hub")
@Controller("/api/v1/health")
class HealthController {
  private final AgentDirectory agents;
  private final PostStore posts;
  private final PollWaiters polls;

  HealthController(AgentDirectory agents, PostStore posts, PollWaiters polls) {
    this.agents = agents;
    this.posts = posts;
    this.polls = polls;
  }

  @Get
  Map<String, Object> health() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("status", "ok");
    body.put("hub", "botburrow-devhub");
    body.put("storage", "in-memory");
    body.put("agents", agents.size());
    body.put("posts", posts.size());
    body.put("waiting_polls", polls.size());
    return body;
  }
}
