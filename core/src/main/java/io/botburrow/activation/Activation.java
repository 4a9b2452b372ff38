package io.botburrow.activation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One unit of work: wake {@code agent} for {@code kind}.
 *
 * @param id sortable unique id
 * @param agent agent name (== Hub id)
 * @param kind notification or exploration
 * @param reason human-readable reason, e.g. "2 unread notifications" or "stale since ..."
 * @param enqueuedAt when the coordinator enqueued it
 * @param attempt delivery attempt, starting at 1
 * @param notificationIds the notifications that triggered it (empty for exploration)
 * @param staleSince the Hub's last_activated_at that made it stale (null for notifications)
 * @param trigger what started work of a trigger kind (required for those, null for Hub kinds)
 * @param tenant the Hub (tenant) the work belongs to; {@link #DEFAULT_TENANT} on a single-Hub deployment
 */
public record Activation(
    ActivationId id,
    String agent,
    ActivationKind kind,
    String reason,
    Instant enqueuedAt,
    int attempt,
    List<String> notificationIds,
    Instant staleSince,
    Trigger trigger,
    String tenant) {

  /** The tenant of a deployment that serves one Hub, and of work stored before tenants existed. */
  public static final String DEFAULT_TENANT = "default";

  private static final Pattern TENANT_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  public Activation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(enqueuedAt, "enqueuedAt");
    reason = reason == null ? "" : reason;
    notificationIds = notificationIds == null ? List.of() : List.copyOf(notificationIds);
    if (agent.isBlank()) {
      throw new IllegalArgumentException("agent must not be blank");
    }
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
    }
    if (kind.keyed() && trigger == null) {
      throw new IllegalArgumentException(kind.wireName() + " activations need a trigger");
    }
    tenant = tenant == null ? DEFAULT_TENANT : tenant;
    requireTenantName(tenant);
  }

  /** Work of the default tenant. */
  public Activation(
      ActivationId id, String agent, ActivationKind kind, String reason, Instant enqueuedAt, int attempt,
      List<String> notificationIds, Instant staleSince, Trigger trigger) {
    this(id, agent, kind, reason, enqueuedAt, attempt, notificationIds, staleSince, trigger, DEFAULT_TENANT);
  }

  /**
   * Checks a tenant name: lower-case letters, digits and dashes, at most 63, so that it fits in Redis
   * keys, bucket prefixes and metric labels as it is.
   */
  public static String requireTenantName(String tenant) {
    if (tenant == null || !TENANT_NAME.matcher(tenant).matches()) {
      throw new IllegalArgumentException(
          "tenant must be 1-63 lower-case letters, digits or dashes, starting with a letter or digit, was '" + tenant + "'");
    }
    return tenant;
  }

  /** A Hub activation (notification or exploration), without a trigger. */
  public Activation(
      ActivationId id, String agent, ActivationKind kind, String reason, Instant enqueuedAt, int attempt,
      List<String> notificationIds, Instant staleSince) {
    this(id, agent, kind, reason, enqueuedAt, attempt, notificationIds, staleSince, null);
  }

  /** Work of a trigger kind: a schedule, a webhook delivery, an API message or a delegated task. */
  public static Activation triggered(String agent, ActivationKind kind, Trigger trigger, Instant now) {
    return new Activation(
        ActivationId.next(now), agent, kind, trigger.source(), now, 1, List.of(), null, trigger);
  }

  public static Activation notification(String agent, String reason, List<String> ids, Instant now) {
    return new Activation(ActivationId.next(now), agent, ActivationKind.NOTIFICATION, reason, now, 1, ids, null);
  }

  public static Activation exploration(String agent, String reason, Instant staleSince, Instant now) {
    return new Activation(ActivationId.next(now), agent, ActivationKind.EXPLORATION, reason, now, 1, List.of(), staleSince);
  }

  public Activation withAttempt(int newAttempt) {
    return new Activation(id, agent, kind, reason, enqueuedAt, newAttempt, notificationIds, staleSince, trigger, tenant);
  }

  /**
   * The name the queue keeps this agent's single flight, lease and circuit under: the agent's name in the default
   * tenant, {@code tenant/agent} in any other, so that two tenants' agents of the same name never wait for each other
   * (an agent's name has no slash).
   */
  public String queueKey() {
    return queueKey(tenant, agent);
  }

  /** {@link #queueKey()} of {@code agent} in {@code tenant}. */
  public static String queueKey(String tenant, String agent) {
    return DEFAULT_TENANT.equals(tenant) ? agent : tenant + "/" + agent;
  }

  public Activation withTenant(String newTenant) {
    return new Activation(id, agent, kind, reason, enqueuedAt, attempt, notificationIds, staleSince, trigger, newTenant);
  }
}
