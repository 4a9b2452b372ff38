package io.botburrow.coordinator.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.activation.Activation;
import io.botburrow.agents.AgentStoreUnavailableException;
import io.botburrow.channels.slack.SlackEvent;
import io.botburrow.channels.slack.SlackProperties;
import io.botburrow.channels.slack.SlackSignature;
import io.botburrow.coordinator.ingress.TriggerIngress;
import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.tenants.TenantChannels;
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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /channels/slack/events} on every replica: Slack's Events API. A request not signed with
 * the app's signing secret, or signed more than five minutes ago, gets 401 and nothing is enqueued; the
 * {@code url_verification} challenge is answered; a person's message for an agent becomes work, and
 * Slack's retries ({@code X-Slack-Retry-Num}) and replays of the same message are recognised by the
 * message's key and not enqueued again. Slack gets 200 for everything it need not resend.
 * {@code POST /channels/slack/events/<tenant>} does the same for another tenant's Slack app: checked against that
 * tenant's signing secret, for that tenant's agents.
 */
@Controller("/channels/slack")
@Requires(env = "coordinator")
@ExecuteOn(TaskExecutors.BLOCKING)
class SlackEventsController {
  private static final Logger LOG = LoggerFactory.getLogger(SlackEventsController.class);
  private static final int MAX_BODY = 1 << 20;
  private final ChannelIntakes intakes;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  SlackEventsController(ChannelIntakes intakes, Clock clock) {
    this.intakes = intakes;
    this.clock = clock;
  }

  @Post("/events")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN, "application/*"})
  HttpResponse<?> events(HttpRequest<?> request, @Nullable @Body byte[] body) {
    return events(Activation.DEFAULT_TENANT, request, body);
  }

  @Post("/events/{tenant}")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN, "application/*"})
  HttpResponse<?> events(String tenant, HttpRequest<?> request, @Nullable @Body byte[] body) {
    Optional<ChannelIntake> found = intakes.of(tenant);
    if (found.isEmpty()) {
      intakes.countUnknown("slack", "not_found");
      return HttpResponse.notFound(Map.of("success", false, "error", "no tenant " + tenant + " is served here"));
    }
    ChannelIntake intake = found.get();
    byte[] payload = body == null ? new byte[0] : body;
    if (payload.length > MAX_BODY) {
      return refuse(intake, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "too_large", "body larger than " + MAX_BODY + " bytes");
    }
    SlackProperties props = intakes.apps(tenant).slack();
    if (props.signingSecret() == null) {
      LOG.warn("Slack event refused: {} is not set", TenantChannels.property(tenant, "slack.signing-secret"));
      return refuse(intake, HttpStatus.SERVICE_UNAVAILABLE, "no_secret", "Slack signing secret not configured");
    }
    String refusal = SlackSignature.refusal(props.signingSecret().getBytes(StandardCharsets.UTF_8),
        request.getHeaders().get(SlackSignature.TIMESTAMP), request.getHeaders().get(SlackSignature.SIGNATURE), payload,
        clock.instant());
    if (refusal != null) {
      return refuse(intake, HttpStatus.UNAUTHORIZED, "unauthorized", refusal);
    }
    JsonNode event;
    try {
      event = json.readTree(payload);
    } catch (IOException e) {
      return refuse(intake, HttpStatus.BAD_REQUEST, "malformed", "body is not JSON");
    }
    if (event == null || !event.isObject()) {
      return refuse(intake, HttpStatus.BAD_REQUEST, "malformed", "body is not a JSON object");
    }
    return switch (SlackEvent.read(event)) {
      case SlackEvent.UrlVerification v -> HttpResponse.ok(Map.of("challenge", v.challenge()));
      case SlackEvent.Ignored i -> {
        intake.count("slack", "-", "ignored");
        LOG.debug("Slack event ignored: {}", i.reason());
        yield HttpResponse.ok(Map.of("status", "ignored"));
      }
      case SlackEvent.Message m -> message(intake, m, request.getHeaders().get("X-Slack-Retry-Num"));
    };
  }

  private HttpResponse<?> message(ChannelIntake intake, SlackEvent.Message m, String retry) {
    ChannelIntake.Decision d;
    try {
      d = intake.accept(m.message(), true, true);
    } catch (TriggerIngress.NoLeaderException | QueueUnavailableException | AgentStoreUnavailableException e) {
      // Slack retries a 5xx three times, which is what we want here
      return refuse(intake, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", e.getMessage());
    }
    LOG.debug("Slack event {} of tenant {} (retry {}) {}", m.eventId(), intake.tenant(), retry == null ? 0 : retry, d.outcome());
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("status", d.outcome().name().toLowerCase(java.util.Locale.ROOT));
    if (d.taskId() != null) {
      // Slack ignores the body; an operator trying the endpoint with curl finds the task by it
      out.put("task_id", d.taskId());
    }
    return HttpResponse.ok(out);
  }

  private static HttpResponse<?> refuse(ChannelIntake intake, HttpStatus status, String result, String error) {
    intake.count("slack", "-", result);
    LOG.debug("Slack event refused with {}: {}", status.getCode(), error);
    return HttpResponse.status(status).body(Map.of("success", false, "error", error));
  }
}
