package io.botburrow.coordinator.webhooks;

import io.botburrow.activation.ActivationKind;
import io.botburrow.agents.AgentDefinition;
import io.botburrow.agents.AgentDefinitionException;
import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.agents.AgentNotFoundException;
import io.botburrow.activation.Activation;
import io.botburrow.coordinator.ingress.TenantIngresses;
import io.botburrow.coordinator.ingress.TriggerIngress;
import io.botburrow.queue.EnqueueResult;
import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.triggers.WebhookSpec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /hooks/<agent>/<name>} on every replica: verifies the delivery against the agent's
 * {@code webhooks:} entry and submits it as a task. Nothing is stored or enqueued for a delivery that
 * is not verified. {@code POST /hooks/<tenant>/<agent>/<name>} does the same for an agent of another tenant, from that
 * tenant's definition and with that tenant's secret ({@link WebhookProperties#secretVariable}).
 */
@Controller("/hooks")
@Requires(env = "coordinator")
@ExecuteOn(TaskExecutors.BLOCKING)
class WebhookController {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookController.class);
  private final TenantIngresses ingresses;
  private final SecretSource secrets;
  private final WebhookProperties props;
  private final MeterRegistry registry;
  private final Clock clock;

  WebhookController(
      TenantIngresses ingresses, SecretSource secrets, WebhookProperties props, MeterRegistry registry, Clock clock) {
    this.ingresses = ingresses;
    this.secrets = secrets;
    this.props = props;
    this.registry = registry;
    this.clock = clock;
  }

  @Post("/{agent}/{name}")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, "application/*", "text/*"})
  HttpResponse<?> receive(String agent, String name, HttpRequest<?> request, @Nullable @Body byte[] body) {
    return receive(Activation.DEFAULT_TENANT, agent, name, request, body);
  }

  @Post("/{tenant}/{agent}/{name}")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, "application/*", "text/*"})
  HttpResponse<?> receive(String tenant, String agent, String name, HttpRequest<?> request, @Nullable @Body byte[] body) {
    byte[] payload = body == null ? new byte[0] : body;
    if (request.getContentLength() > props.maxBodySize() || payload.length > props.maxBodySize()) {
      return refuse(tenant, agent, name, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "too_large",
          "body larger than " + props.maxBodySize() + " bytes");
    }
    Optional<TenantIngresses.Scope> scope = ingresses.of(tenant);
    if (scope.isEmpty()) {
      return refuse(tenant, agent, name, HttpStatus.NOT_FOUND, "not_found", "no tenant " + tenant + " is served here");
    }
    Optional<WebhookSpec> hook;
    try {
      hook = webhook(scope.get().definitions(), agent, name);
    } catch (AgentDefinitionException e) {
      return e.retryable()
          ? refuse(tenant, agent, name, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "agent definitions unavailable; retry")
          : refuse(tenant, agent, name, HttpStatus.NOT_FOUND, "not_found", "no webhook " + name + " for agent " + agent + in(tenant));
    }
    if (hook.isEmpty()) {
      return refuse(tenant, agent, name, HttpStatus.NOT_FOUND, "not_found", "no webhook " + name + " for agent " + agent + in(tenant));
    }
    WebhookSpec spec = hook.get();
    Optional<String> variable = props.secretVariable(tenant, spec.secretEnv());
    Optional<String> secret = variable.flatMap(secrets::lookup);
    if (secret.isEmpty()) {
      LOG.warn("Webhook(tenant={}, agent={}, name={}) refused: its secret variable {} is not set or not allowed "
          + "(botburrow.webhooks.allowed-secret-envs; a tenant's are TENANT_<TENANT>__<secret_env>)", tenant, agent, name,
          variable.orElse(spec.secretEnv()));
      return refuse(tenant, agent, name, HttpStatus.SERVICE_UNAVAILABLE, "no_secret", "webhook secret not configured");
    }
    WebhookVerifier.Verdict verdict = WebhookVerifier.verify(spec, request.getHeaders()::get, payload,
        secret.get().getBytes(StandardCharsets.UTF_8), clock.instant(), props.timestampTolerance());
    return switch (verdict) {
      case WebhookVerifier.Refused r -> refuse(tenant, agent, name, HttpStatus.UNAUTHORIZED, "unauthorized", r.reason());
      case WebhookVerifier.Verified v -> accept(scope.get().ingress(), agent, spec, v, payload);
    };
  }

  private static String in(String tenant) {
    return Activation.DEFAULT_TENANT.equals(tenant) ? "" : " in tenant " + tenant;
  }

  private HttpResponse<?> accept(TriggerIngress ingress, String agent, WebhookSpec spec, WebhookVerifier.Verified v,
      byte[] payload) {
    String tenant = ingress.tenant();
    if (!spec.accepts(v.event())) {
      count(tenant, agent, spec.name(), "ignored");
      return HttpResponse.ok(Map.of("status", "ignored", "reason", "event '" + v.event() + "' is not handled"));
    }
    String key = "webhook:" + agent + ":" + spec.name() + ":" + v.deliveryId();
    String prompt = spec.render(v.event(), new String(payload, StandardCharsets.UTF_8));
    String source = "webhook " + spec.name() + (v.event() == null ? "" : " " + v.event());
    TriggerIngress.Submitted submitted;
    try {
      submitted = ingress.submit(agent, ActivationKind.WEBHOOK, key, source, prompt, null, props.dedupWindow());
    } catch (TriggerIngress.NoLeaderException | QueueUnavailableException e) {
      return refuse(tenant, agent, spec.name(), HttpStatus.SERVICE_UNAVAILABLE, "unavailable", e.getMessage());
    }
    boolean duplicate = submitted.result() == EnqueueResult.DUPLICATE;
    count(tenant, agent, spec.name(), duplicate ? "duplicate" : "accepted");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("task_id", submitted.taskId());
    out.put("status", duplicate ? "duplicate" : "submitted");
    out.put("delivery_id", v.deliveryId());
    return duplicate ? HttpResponse.ok(out) : HttpResponse.accepted().body(out);
  }

  private static Optional<WebhookSpec> webhook(AgentDefinitionStore definitions, String agent, String name) {
    try {
      AgentDefinition def = definitions.load(agent);
      return def.config().triggers().webhook(name);
    } catch (AgentNotFoundException e) {
      return Optional.empty();
    }
  }

  private HttpResponse<?> refuse(String tenant, String agent, String name, HttpStatus status, String result, String error) {
    // unknown paths are anyone's to invent: they must not mint metric series
    boolean known = !"not_found".equals(result) && !"too_large".equals(result);
    count(known ? tenant : "-", known ? agent : "-", known ? name : "-", result);
    LOG.debug("Webhook(tenant={}, agent={}, name={}) refused with {}: {}", tenant, agent, name, status.getCode(), error);
    return HttpResponse.status(status).body(Map.of("success", false, "error", error));
  }

  private void count(String tenant, String agent, String hook, String result) {
    Counter.builder("botburrow.webhooks").description("Webhook deliveries by outcome")
        .tag("tenant", tenant).tag("agent", agent).tag("hook", hook).tag("result", result).register(registry).increment();
  }
}
