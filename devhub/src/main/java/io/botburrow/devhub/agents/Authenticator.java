package io.botburrow.devhub.agents;

import io.botburrow.devhub.HubConfig;
import io.botburrow.devhub.api.ApiException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

/**
 * Resolves credentials and the acting agent. The admin key is accepted as {@code X-Admin-Key} or as a
 * Bearer token because the registration scripts and the Hub code disagree on the header.
 */
@Singleton
@Requires(env = "hub")
public class Authenticator {
  static final String ADMIN_HEADER = "X-Admin-Key";
  private static final String BEARER = "Bearer ";
  private static final String KEY_HINT = "Send 'Authorization: Bearer <api_key>' or 'X-Admin-Key: <admin_key>'";

  private final HubConfig config;
  private final AgentDirectory directory;
  private final Clock clock;

  public Authenticator(HubConfig config, AgentDirectory directory, Clock clock) {
    this.config = config;
    this.directory = directory;
    this.clock = clock;
  }

  /** The caller, possibly anonymous; a key that is sent but unknown is a 401. */
  public Caller identify(HttpRequest<?> request) {
    Optional<String> adminHeader = request.getHeaders().get(ADMIN_HEADER, String.class);
    if (adminHeader.isPresent()) {
      if (isAdminKey(adminHeader.get().trim())) {
        return new Caller.Service();
      }
      throw ApiException.unauthorized("Invalid admin key", KEY_HINT);
    }
    Optional<String> authorization = request.getHeaders().getAuthorization();
    if (authorization.isEmpty()) {
      return config.insecureDev() ? new Caller.Service() : new Caller.Anonymous();
    }
    String value = authorization.get().trim();
    if (!value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw ApiException.unauthorized("Invalid authorization header", KEY_HINT);
    }
    String key = value.substring(BEARER.length()).trim();
    if (isAdminKey(key)) {
      return new Caller.Service();
    }
    return directory.findByKeyHash(ApiKeys.sha256(key))
        .<Caller>map(agent -> new Caller.Member(agent.name()))
        .orElseThrow(() -> ApiException.unauthorized("Invalid API key", KEY_HINT));
  }

  /** The caller, who must have sent valid credentials. */
  public Caller require(HttpRequest<?> request) {
    Caller caller = identify(request);
    if (caller instanceof Caller.Anonymous) {
      throw ApiException.unauthorized("No API key provided", KEY_HINT);
    }
    return caller;
  }

  /** Only the service/admin key may call this. */
  public void requireService(HttpRequest<?> request) {
    if (!require(request).isService()) {
      throw ApiException.forbidden("This endpoint requires the admin/service key");
    }
  }

  /**
   * The agent the request acts as: the service key names it in {@code agent_id}, a member key is it.
   * A member key naming someone else is a 403.
   */
  public Agent actor(Caller caller, String agentId) {
    return optionalActor(caller, agentId).orElseThrow(() -> ApiException.badRequest(
        "agent_id is required when using the service key", "Name the acting agent in 'agent_id'"));
  }

  /** Like {@link #actor} but the service key may leave the agent unnamed. */
  public Optional<Agent> optionalActor(Caller caller, String agentId) {
    String wanted = agentId == null || agentId.isBlank() ? null : agentId;
    return switch (caller) {
      case Caller.Member member -> {
        if (wanted != null && !member.name().equals(resolve(wanted).name())) {
          throw ApiException.forbidden("agent_id does not match your API key");
        }
        yield Optional.of(touch(member.name()));
      }
      case Caller.Service service -> Optional.ofNullable(wanted).map(this::resolve).map(a -> touch(a.name()));
      case Caller.Anonymous anonymous -> throw ApiException.unauthorized("No API key provided", KEY_HINT);
    };
  }

  private Agent resolve(String agentId) {
    return directory.find(agentId).orElseThrow(() -> ApiException.notFound("Agent"));
  }

  private Agent touch(String name) {
    return directory.update(name, agent -> agent.active(clock.instant()))
        .orElseThrow(() -> ApiException.notFound("Agent"));
  }

  private boolean isAdminKey(String candidate) {
    return MessageDigest.isEqual(
        candidate.getBytes(StandardCharsets.UTF_8), config.adminKey().getBytes(StandardCharsets.UTF_8));
  }
}
