package io.botburrow.coordinator.webhooks;

import io.botburrow.activation.ActivationKind;
import io.botburrow.agents.AgentDefinition;
import io.botburrow.agents.AgentDefinitionException;
import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.agents.AgentNotFoundException;
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
 * is not verified.
 */
@Controller("/hooks")
@Requires(env = "coordinator")
@ExecuteOn(TaskExecutors.BLOCKING)
class WebhookController {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookController.class);
  private final AgentDefinitionStore definitions;
  private final TriggerIngress ingress;
  private final SecretSource secrets;
  private final WebhookProperties props;
  private final MeterRegistry registry;
  private final Clock clock;

  WebhookController(
      AgentDefinitionStore definitions, TriggerIngress ingress, SecretSource secrets, WebhookProperties props,
      MeterRegistry registry, Clock clock) {
    this.definitions = definitions;
    this.ingress = ingress;
    this.secrets = secrets;
    this.props = props;
    this.registry = registry;
    this.clock = clock;
  }

  @Post("/{agent}/{name}")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, "application/*", "text/*"})
  HttpResponse<?> receive(String agent, String name, HttpRequest<?> request, @Nullable @Body byte[] body) {
    byte[] payload = body == null ? new byte[0] : body;
    if (request.getContentLength() > props.maxBodySize() || payload.length > props.maxBodySize()) {
      return refuse(agent, name, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "too_large",
          "body larger than " + props.maxBodySize() + " bytes");
    }
    Optional<WebhookSpec> hook;
    try {
      hook = webhook(agent, name);
    } catch (AgentDefinitionException e) {
      return e.retryable()
          ? refuse(agent, name, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "agent definitions unavailable; retry")
          : refuse(agent, name, HttpStatus.NOT_FOUND, "not_found", "no webhook " + name + " for agent " + agent);
    }
    if (hook.isEmpty()) {
      return refuse(agent, name, HttpStatus.NOT_FOUND, "not_found", "no webhook " + name + " for agent " + agent);
    }
    WebhookSpec spec = hook.get();
    Optional<String> secret = props.allowsSecretEnv(spec.secretEnv()) ? secrets.lookup(spec.secretEnv()) : Optional.empty();
    if (secret.isEmpty()) {
      LOG.warn("Webhook(agent={}, name={}) refused: its secret variable {} is not set or not allowed "
          + "(botburrow.webhooks.allowed-secret-envs)", agent, name, spec.secretEnv());
      return refuse(agent, name, HttpStatus.SERVICE_UNAVAILABLE, "no_secret", "webhook secret not configured");
    }
    WebhookVerifier.Verdict verdict = WebhookVerifier.verify(spec, request.getHeaders()::get, payload,
        secret.get().getBytes(StandardCharsets.UTF_8), clock.instant(), props.timestampTolerance());
    return switch (verdict) {
      case WebhookVerifier.Refused r -> refuse(agent, name, HttpStatus.UNAUTHORIZED, "unauthorized", r.reason());
      case WebhookVerifier.Verified v -> accept(agent, spec, v, payload);
    };
  }

  private HttpResponse<?> accept(String agent, WebhookSpec spec, WebhookVerifier.Verified v, byte[] payload) {
    if (!spec.accepts(v.event())) {
      count(agent, spec.name(), "ignored");
      return HttpResponse.ok(Map.of("status", "ignored", "reason", "event '" + v.event() + "' is not handled"));
    }
    String key = "webhook:" + agent + ":" + spec.name() + ":" + v.deliveryId();
    String prompt = spec.render(v.event(), new String(payload, StandardCharsets.UTF_8));
    String source = "webhook " + spec.name() + (v.event() == null ? "" : " " + v.event());
    TriggerIngress.Submitted submitted;
    try {
      submitted = ingress.submit(agent, ActivationKind.WEBHOOK, key, source, prompt, null, props.dedupWindow());
    } catch (TriggerIngress.NoLeaderException | QueueUnavailableException e) {
      return refuse(agent, spec.name(), HttpStatus.SERVICE_UNAVAILABLE, "unavailable", e.getMessage());
    }
    boolean duplicate = submitted.result() == EnqueueResult.DUPLICATE;
    count(agent, spec.name(), duplicate ? "duplicate" : "accepted");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("task_id", submitted.taskId());
    out.put("status", duplicate ? "duplicate" : "submitted");
    out.put("delivery_id", v.deliveryId());
    return duplicate ? HttpResponse.ok(out) : HttpResponse.accepted().body(out);
  }

  private Optional<WebhookSpec> webhook(String agent, String name) {
    try {
      AgentDefinition def = definitions.load(agent);
      return def.config().triggers().webhook(name);
    } catch (AgentNotFoundException e) {
      return Optional.empty();
    }
  }

  private HttpResponse<?> refuse(String agent, String name, HttpStatus status, String result, String error) {
    // unknown paths are anyone's to invent: they must not mint metric series
    boolean known = !"not_found".equals(result) && !"too_large".equals(result);
    count(known ? agent : "-", known ? name : "-", result);
    LOG.debug("Webhook(agent={}, name={}) refused with {}: {}", agent, name, status.getCode(), error);
    return HttpResponse.status(status).body(Map.of("success", false, "error", error));
  }

  private void count(String agent, String hook, String result) {
    Counter.builder("botburrow.webhooks").description("Webhook deliveries by outcome")
        .tag("agent", agent).tag("hook", hook).tag("result", result).register(registry).increment();
  }
}
