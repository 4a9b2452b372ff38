package io.botburrow.coordinator.api;

import io.botburrow.coordinator.operator.OperatorProperties;
import io.botburrow.coordinator.webhooks.SecretSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who may call the agent API: the operator key (every scope, every agent) or a scoped API key.
 * Keys are compared in constant time; none is ever logged.
 */
public final class ApiAccess {
  public static final String MESSAGES_WRITE = "messages:write";
  public static final String TASKS_READ = "tasks:read";
  public static final String TASKS_CANCEL = "tasks:cancel";
  public static final String AGENTS_READ = "agents:read";

  /**
   * A key that was presented and recognised.
   *
   * @param tenant the tenant whose agents it may address; {@code *} for the operator key (every tenant)
   */
  public record Caller(String name, List<String> scopes, List<String> agents, String tenant) {
    public Caller(String name, List<String> scopes, List<String> agents) {
      this(name, scopes, agents, io.botburrow.activation.Activation.DEFAULT_TENANT);
    }

    public boolean may(String scope, String agent) {
      return scopes.contains(scope) && (agents.contains("*") || agents.contains(agent));
    }

    /** Whether this key may address agents of {@code tenantName} at all. */
    public boolean serves(String tenantName) {
      return "*".equals(tenant) || tenant.equals(tenantName);
    }
  }

  private record Known(byte[] key, Caller caller) {}

  private final List<Known> keys = new ArrayList<>();

  public ApiAccess(OperatorProperties operator, List<ApiKeyProperties> apiKeys, SecretSource secrets) {
    this(operator, apiKeys, secrets, null);
  }

  /**
   * @param tenants the tenants served: a key naming another one stops the service at start-up (null: not checked)
   * @throws IllegalArgumentException when a key names a tenant that is not configured
   */
  public ApiAccess(OperatorProperties operator, List<ApiKeyProperties> apiKeys, SecretSource secrets,
      io.botburrow.tenants.Tenants tenants) {
    keys.add(new Known(bytes(operator.key()),
        new Caller("operator", List.of(MESSAGES_WRITE, TASKS_READ, TASKS_CANCEL, AGENTS_READ), List.of("*"), "*")));
    for (ApiKeyProperties k : apiKeys) {
      String tenant = k.tenant() == null || k.tenant().isBlank()
          ? io.botburrow.activation.Activation.DEFAULT_TENANT : k.tenant().trim();
      if (tenants != null && tenants.find(tenant).isEmpty()) {
        throw new IllegalArgumentException("botburrow.api.keys." + k.name() + ".tenant names '" + tenant
            + "', which is not a configured tenant");
      }
      secrets.lookup(k.keyEnv()).ifPresent(value -> keys.add(new Known(bytes(value), new Caller(k.name(),
          k.scopes() == null ? List.of() : List.copyOf(k.scopes()),
          k.agents() == null || k.agents().isEmpty() ? List.of("*") : List.copyOf(k.agents()), tenant))));
    }
  }

  /** The caller of {@code Authorization: Bearer <key>}, if the key is known. */
  public Optional<Caller> caller(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return Optional.empty();
    }
    byte[] presented = bytes(authorization.substring(7).trim());
    Caller found = null;
    // every key is compared, so the time taken does not tell which one nearly matched
    for (Known known : keys) {
      if (MessageDigest.isEqual(known.key(), presented) && found == null) {
        found = known.caller();
      }
    }
    return Optional.ofNullable(found);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
