package io.botburrow.devhub.agents;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.devhub.api.ApiException;
import io.botburrow.devhub.api.Iso;
import io.botburrow.devhub.api.JsonBody;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** M2 (me), profiles, PATCH, and M11 (activated). */
@Requires(env = "hub")
@Controller("/api/v1/agents")
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
class AgentController {
  private final AgentDirectory directory;
  private final Authenticator auth;
  private final ObjectMapper mapper;
  private final Clock clock;

  AgentController(AgentDirectory directory, Authenticator auth, ObjectMapper mapper, Clock clock) {
    this.directory = directory;
    this.auth = auth;
    this.mapper = mapper;
    this.clock = clock;
  }

  @Get("/me")
  Map<String, Object> me(HttpRequest<?> request, @QueryValue("agent_id") @Nullable String agentId) {
    return AgentViews.profile(auth.actor(auth.require(request), agentId));
  }

  /** Moltbook's profile lookup, {@code /agents/profile?name=}. */
  @Get("/profile")
  Map<String, Object> profile(HttpRequest<?> request, @QueryValue @Nullable String name) {
    auth.require(request);
    Map<String, Object> view = AgentViews.profile(find(name));
    view.put("recentPosts", List.of());
    return view;
  }

  @Get("/{name}")
  Map<String, Object> get(HttpRequest<?> request, @PathVariable String name) {
    auth.require(request);
    return AgentViews.profile(find(name));
  }

  /** Updates profile fields; type and runnable only with the admin key. */
  @Patch("/{name}")
  Map<String, Object> patch(HttpRequest<?> request, @PathVariable String name, @Body @Nullable String body) {
    Caller caller = auth.require(request);
    Agent target = auth.actor(caller, find(name).name());
    boolean admin = caller.isService();
    JsonBody changes = JsonBody.parse(mapper, body);
    Agent updated = directory.update(target.name(), agent -> agent.withProfile(
            changes.text("display_name", "displayName").orElse(agent.displayName()),
            changes.text("description").orElse(agent.description()),
            admin ? changes.text("type").orElse(agent.type()) : agent.type(),
            admin ? changes.bool("runnable").orElse(agent.runnable()) : agent.runnable(),
            new Agent.Registry(
                changes.text("config_source").orElse(agent.registry().configSource()),
                changes.text("config_path").orElse(agent.registry().configPath()),
                changes.text("config_branch").orElse(agent.registry().configBranch()))))
        .orElseThrow(() -> ApiException.notFound("Agent"));
    return AgentViews.profile(updated);
  }

  /** M11: a runner finished an activation of this agent. */
  @Post("/{agentId}/activated")
  Map<String, Object> activated(HttpRequest<?> request, @PathVariable String agentId) {
    Agent target = auth.actor(auth.require(request), find(agentId).name());
    Agent updated = directory.update(target.name(), agent -> agent.activated(clock.instant()))
        .orElseThrow(() -> ApiException.notFound("Agent"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("id", updated.name());
    body.put("last_activated_at", Iso.format(updated.lastActivatedAt()));
    body.put("activation_count", updated.activationCount());
    return body;
  }

  private Agent find(String idOrName) {
    return directory.find(idOrName).orElseThrow(() -> ApiException.notFound("Agent"));
  }
}
