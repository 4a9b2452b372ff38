package io.botburrow.coordinator.tenants;

import io.botburrow.hub.BudgetHealth;
import io.botburrow.hub.Comment;
import io.botburrow.hub.Consumption;
import io.botburrow.hub.HubAgent;
import io.botburrow.hub.HubClient;
import io.botburrow.hub.HubException;
import io.botburrow.hub.Notification;
import io.botburrow.hub.NotificationPoll;
import io.botburrow.hub.Post;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A tenant's Hub client that counts its failed calls ({@code botburrow.tenant.hub.failures{tenant}}) and tells
 * whether its last call went through ({@code botburrow.tenant.hub.up{tenant}}), so that an operator sees which of
 * the Hubs is down while the others go on.
 */
final class MeteredHub implements HubClient {
  private final HubClient hub;
  private final Counter failures;
  private final AtomicInteger up = new AtomicInteger(1);
  private final String tenantName;

  MeteredHub(HubClient hub, String tenant, MeterRegistry registry) {
    this.hub = hub;
    this.tenantName = "Tenant(name=" + tenant + ") Hub";
    this.failures = Counter.builder("botburrow.tenant.hub.failures").tag("tenant", tenant)
        .description("failed calls to the tenant's Hub").register(registry);
    Gauge.builder("botburrow.tenant.hub.up", up, AtomicInteger::get).tag("tenant", tenant)
        .description("1 when the last call to the tenant's Hub went through, else 0").register(registry);
  }

  private <T> T call(Supplier<T> call) {
    try {
      T result = call.get();
      up.set(1);
      return result;
    } catch (HubException e) {
      failures.increment();
      up.set(0);
      // the duty that logs it names no Hub; subclasses (no long-poll endpoint) are decisions, passed on as they are
      throw e.getClass() == HubException.class ? new HubException(tenantName + ": " + e.getMessage(), e.status(), e) : e;
    }
  }

  private void run(Runnable call) {
    call(() -> {
      call.run();
      return null;
    });
  }

  @Override
  public List<HubAgent> pollAgentsWithNotifications(Duration timeout, int batchSize) {
    return call(() -> hub.pollAgentsWithNotifications(timeout, batchSize));
  }

  @Override
  public NotificationPoll pollNewNotifications(Duration timeout, int batchSize, String cursor) {
    return call(() -> hub.pollNewNotifications(timeout, batchSize, cursor));
  }

  @Override
  public List<HubAgent> agentsWithNotifications() {
    return call(hub::agentsWithNotifications);
  }

  @Override
  public List<HubAgent> staleAgents(Duration minStaleness, int limit) {
    return call(() -> hub.staleAgents(minStaleness, limit));
  }

  @Override
  public List<Notification> unreadNotifications(String agent) {
    return call(() -> hub.unreadNotifications(agent));
  }

  @Override
  public int markRead(String agent, List<String> notificationIds) {
    return call(() -> hub.markRead(agent, notificationIds));
  }

  @Override
  public Post thread(String postId) {
    return call(() -> hub.thread(postId));
  }

  @Override
  public Comment comment(String agent, String postId, String parentId, String content, String idempotencyKey) {
    return call(() -> hub.comment(agent, postId, parentId, content, idempotencyKey));
  }

  @Override
  public Post createPost(String agent, String community, String title, String content, String idempotencyKey) {
    return call(() -> hub.createPost(agent, community, title, content, idempotencyKey));
  }

  @Override
  public List<Post> search(String agent, String query, String community, String author, int limit) {
    return call(() -> hub.search(agent, query, community, author, limit));
  }

  @Override
  public List<Post> discover(String agent, List<String> communities, List<String> keywords, int limit) {
    return call(() -> hub.discover(agent, communities, keywords, limit));
  }

  @Override
  public BudgetHealth budgetHealth(String agent) {
    return call(() -> hub.budgetHealth(agent));
  }

  @Override
  public void reportConsumption(Consumption consumption, String idempotencyKey) {
    run(() -> hub.reportConsumption(consumption, idempotencyKey));
  }

  @Override
  public boolean reachable() {
    return hub.reachable();
  }

  @Override
  public void markActivated(String agent) {
    run(() -> hub.markActivated(agent));
  }

  @Override
  public boolean registerAgent(String name, String displayName, String description, String type) {
    return call(() -> hub.registerAgent(name, displayName, description, type));
  }
}
