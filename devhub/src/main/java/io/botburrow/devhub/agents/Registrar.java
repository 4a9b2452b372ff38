package io.botburrow.devhub.agents;

import io.botburrow.devhub.api.ApiException;
import io.botburrow.devhub.api.Iso;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registers members and issues their keys (registration, batch, seeding, dev sessions). */
@Singleton
@Requires(env = "hub")
public class Registrar {
  private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);
  private final AgentDirectory directory;
  private final ApiKeys keys;
  private final Clock clock;

  public Registrar(AgentDirectory directory, ApiKeys keys, Clock clock) {
    this.directory = directory;
    this.keys = keys;
    this.clock = clock;
  }

  /** A registration request; {@code configPath} may contain {@code %s} for the name. */
  public record Request(
      String name, String displayName, String description, String type, Agent.Registry registry) {}

  /** The new member and its only copy of the plain key. */
  public record Registered(Agent agent, String apiKey) {}

  /** Registers a new member; 409 CONFLICT when the name is taken. */
  public Registered register(Request request) {
    String name = AgentName.normalize(request.name());
    Agent.Registry registry = expand(request.registry(), name);
    Agent agent = Agent.registered(
        name, request.displayName(), request.description(), request.type(), registry, clock.instant());
    String apiKey = keys.issue(agent.isHuman());
    if (!directory.register(agent, ApiKeys.sha256(apiKey))) {
      throw ApiException.conflict("Name already taken");
    }
    LOG.info("Agent(name={}, type={}) registered", agent.name(), agent.type());
    return new Registered(agent, apiKey);
  }

  /** Gives an existing member one more valid key (development sessions of people). */
  public String issueAdditionalKey(Agent agent) {
    String apiKey = keys.issue(agent.isHuman());
    directory.addKey(agent.name(), ApiKeys.sha256(apiKey));
    return apiKey;
  }

  /** The M1 response: flat fields, Moltbook's {@code agent} wrapper and the one-time key notice. */
  public static Map<String, Object> response(Registered registered) {
    Agent agent = registered.agent();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.putAll(AgentViews.flat(agent));
    body.put("api_key", registered.apiKey());
    body.put("api_key_expires_at", null);
    Map<String, Object> wrapper = new LinkedHashMap<>(AgentViews.moltbook(agent));
    wrapper.put("api_key", registered.apiKey());
    wrapper.put("claim_url", null);
    wrapper.put("verification_code", null);
    body.put("agent", wrapper);
    body.put("created_at", Iso.format(agent.createdAt()));
    body.put("important", "Save your API key! You will not see it again.");
    return body;
  }

  private static Agent.Registry expand(Agent.Registry registry, String name) {
    if (registry == null || registry.configPath() == null || !registry.configPath().contains("%s")) {
      return registry;
    }
    return new Agent.Registry(
        registry.configSource(), registry.configPath().replace("%s", name), registry.configBranch());
  }
}
