package io.botburrow.gateway.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who calls the gateway, as the runner that minted the caller's token vouches: one activation of one
 * agent of one tenant, until {@code expiresAt}.
 *
 * @param tokenLimit tokens (input + output) the activation may use in all, 0 for the operator's default
 * @param models the agent's model chain (brain.model then brain.fallback_models), the fallbacks a
 *     request's own model is followed by
 * @param toolType the agent's executor ({@code native}, {@code claude-code}, ...), for the token meter;
 *     {@code unknown} when the minter did not say
 */
public record Caller(String agent, String activation, String tenant, Instant expiresAt, long tokenLimit,
    List<String> models, String toolType) {
  public static final String UNKNOWN_TOOL_TYPE = "unknown";

  public Caller(String agent, String activation, String tenant, Instant expiresAt, long tokenLimit,
      List<String> models) {
    this(agent, activation, tenant, expiresAt, tokenLimit, models, UNKNOWN_TOOL_TYPE);
  }

  public Caller {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(activation, "activation");
    tenant = tenant == null || tenant.isBlank() ? "default" : tenant;
    Objects.requireNonNull(expiresAt, "expiresAt");
    models = models == null ? List.of() : List.copyOf(models);
    toolType = toolType == null || toolType.isBlank() ? UNKNOWN_TOOL_TYPE : toolType;
  }

  /** The models to try for a request naming {@code requested}: it first, then the agent's fallbacks. */
  public List<String> chainFor(String requested) {
    var chain = new java.util.ArrayList<String>();
    chain.add(requested);
    int own = models.indexOf(requested);
    models.stream().skip(own < 0 ? 1 : own + 1).filter(m -> !chain.contains(m)).forEach(chain::add);
    return chain;
  }
}
