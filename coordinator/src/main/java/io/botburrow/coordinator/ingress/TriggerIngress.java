package io.botburrow.coordinator.ingress;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.Trigger;
import io.botburrow.channels.ReplyTarget;
import io.botburrow.queue.ActivationQueue;
import io.botburrow.queue.EnqueueResult;
import io.botburrow.queue.FencedOutException;
import io.botburrow.tasks.Task;
import io.botburrow.tasks.TaskStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way in for work that arrives on any coordinator replica (webhooks, API messages): a task,
 * then an activation with the same guarantees as every other. The task id is derived from the
 * trigger's idempotency key, so a repeated delivery names the task of the first.
 */
public final class TriggerIngress {
  private static final Logger LOG = LoggerFactory.getLogger(TriggerIngress.class);
  private final ActivationQueue queue;
  private final TaskStore tasks;
  private final Clock clock;
  private final HubRegistration registration;
  private final String tenant;

  /** What became of one submission. */
  public record Submitted(String taskId, EnqueueResult result) {}

  public TriggerIngress(ActivationQueue queue, TaskStore tasks, Clock clock, HubRegistration registration) {
    this(Activation.DEFAULT_TENANT, queue, tasks, clock, registration);
  }

  /**
   * The ingress of one tenant: {@code tasks} and {@code registration} are the tenant's; what it enqueues carries the
   * tenant and its idempotency keys include it ({@link #tenantKey}).
   */
  public TriggerIngress(String tenant, ActivationQueue queue, TaskStore tasks, Clock clock, HubRegistration registration) {
    this.tenant = Activation.requireTenantName(tenant);
    this.registration = registration;
    this.queue = queue;
    this.tasks = tasks;
    this.clock = clock;
  }

  /**
   * Submits work for {@code agent}.
   *
   * @param key the trigger's idempotency key
   * @throws NoLeaderException when no leader has started a term (Redis lost its state): retry later
   */
  public Submitted submit(
      String agent, ActivationKind kind, String key, String source, String prompt, String thread, Duration dedupFor) {
    String scoped = tenantKey(tenant, key);
    return submit(agent, kind, scoped, source, prompt, new Trigger(scoped, taskId(scoped), source, prompt, thread, dedupFor));
  }

  /**
   * Submits a message from Slack or Discord for {@code agent}, answered at {@code replyTo}.
   *
   * @throws NoLeaderException when no leader has started a term (Redis lost its state): retry later
   */
  public Submitted submitMessage(String agent, String key, String source, String prompt, ReplyTarget replyTo, Duration dedupFor) {
    String scoped = tenantKey(tenant, key);
    return submit(agent, ActivationKind.MESSAGE, scoped, source, prompt,
        new Trigger(scoped, taskId(scoped), source, prompt, null, dedupFor, java.util.List.of(), replyTo));
  }

  private Submitted submit(String agent, ActivationKind kind, String key, String source, String prompt, Trigger trigger) {
    String taskId = trigger.taskId();
    registration.ensure(agent);
    Activation activation = Activation.triggered(agent, kind, trigger, clock.instant()).withTenant(tenant);
    // the task exists before a runner can claim the work, so the runner can start it
    tasks.create(Task.submitted(taskId, agent, kind.wireName(), prompt, clock.instant(), activation.id().value()));
    EnqueueResult result;
    try {
      result = queue.submit(activation);
    } catch (FencedOutException e) {
      tasks.cancel(taskId, "not enqueued: no coordinator leads yet", clock.instant());
      throw new NoLeaderException();
    }
    LOG.debug("Activation(id={}, tenant={}, agent={}) {} submitted as task {}: {}", activation.id(), tenant, agent, kind.wireName(), taskId, result);
    return new Submitted(taskId, result);
  }

  /**
   * The idempotency key of a trigger of {@code tenant}: the default tenant's keys are as they always were, another
   * tenant's start with {@code tenant:<name>:}, so the same delivery id in two tenants is two deliveries.
   */
  public static String tenantKey(String tenant, String key) {
    return Activation.DEFAULT_TENANT.equals(tenant) ? key : "tenant:" + Activation.requireTenantName(tenant) + ":" + key;
  }

  public String tenant() {
    return tenant;
  }

  /** {@code t-} and 24 hex digits of the key's SHA-256. */
  public static String taskId(String key) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "t-" + HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** No leader term exists: the queue accepts nothing until a coordinator leads. */
  public static final class NoLeaderException extends RuntimeException {
    NoLeaderException() {
      super("no coordinator leads yet; retry shortly");
    }
  }
}
