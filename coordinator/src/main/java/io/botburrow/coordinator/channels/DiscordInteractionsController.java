package io.botburrow.coordinator.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.activation.Activation;
import io.botburrow.agents.AgentStoreUnavailableException;
import io.botburrow.channels.InboundMessage;
import io.botburrow.channels.discord.DiscordMessages;
import io.botburrow.channels.discord.DiscordSignature;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /channels/discord/interactions} on every replica: Discord's interactions endpoint. Every
 * request is checked against the application's Ed25519 public key (Discord itself sends bad signatures
 * to test this and expects 401); PING is answered with PONG; a slash command for an agent becomes
 * work and is answered at once with a deferred response, which the agent's answer replaces.
 * {@code POST /channels/discord/interactions/<tenant>} does the same for another tenant's Discord application: checked
 * against that tenant's public key, for that tenant's agents.
 */
@Controller("/channels/discord")
@Requires(env = "coordinator")
@ExecuteOn(TaskExecutors.BLOCKING)
class DiscordInteractionsController {
  private static final Logger LOG = LoggerFactory.getLogger(DiscordInteractionsController.class);
  private static final int MAX_BODY = 1 << 20;
  private static final int EPHEMERAL = 1 << 6;
  private final ChannelIntakes intakes;
  private final Map<String, DiscordSignature> signatures = new ConcurrentHashMap<>();
  private final ObjectMapper json = new ObjectMapper();

  DiscordInteractionsController(ChannelIntakes intakes) {
    this.intakes = intakes;
  }

  @Post("/interactions")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, "application/*"})
  HttpResponse<?> interactions(HttpRequest<?> request, @Nullable @Body byte[] body) {
    return interactions(Activation.DEFAULT_TENANT, request, body);
  }

  @Post("/interactions/{tenant}")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, "application/*"})
  HttpResponse<?> interactions(String tenant, HttpRequest<?> request, @Nullable @Body byte[] body) {
    Optional<ChannelIntake> found = intakes.of(tenant);
    if (found.isEmpty()) {
      intakes.countUnknown("discord", "not_found");
      return HttpResponse.notFound(Map.of("success", false, "error", "no tenant " + tenant + " is served here"));
    }
    ChannelIntake intake = found.get();
    byte[] payload = body == null ? new byte[0] : body;
    if (payload.length > MAX_BODY) {
      return refuse(intake, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "too_large", "body larger than " + MAX_BODY + " bytes");
    }
    String publicKey = intakes.apps(tenant).discord().publicKey();
    if (publicKey == null) {
      LOG.warn("Discord interaction refused: {} is not set", TenantChannels.property(tenant, "discord.public-key"));
      return refuse(intake, HttpStatus.SERVICE_UNAVAILABLE, "no_secret", "Discord public key not configured");
    }
    // the key was checked at start-up (DiscordProperties); parsed once per tenant
    DiscordSignature signature = signatures.computeIfAbsent(tenant, t -> new DiscordSignature(publicKey));
    if (!signature.verify(request.getHeaders().get(DiscordSignature.TIMESTAMP),
        request.getHeaders().get(DiscordSignature.SIGNATURE), payload)) {
      return refuse(intake, HttpStatus.UNAUTHORIZED, "unauthorized", "invalid request signature");
    }
    JsonNode interaction;
    try {
      interaction = json.readTree(payload);
    } catch (IOException e) {
      return refuse(intake, HttpStatus.BAD_REQUEST, "malformed", "body is not JSON");
    }
    if (interaction == null || !interaction.isObject()) {
      return refuse(intake, HttpStatus.BAD_REQUEST, "malformed", "body is not a JSON object");
    }
    if (interaction.path("type").asInt() == 1) {
      return HttpResponse.ok(Map.of("type", 1));
    }
    Optional<InboundMessage> command = DiscordMessages.fromCommand(interaction);
    if (command.isEmpty()) {
      intake.count("discord", "-", "ignored");
      return HttpResponse.ok(Map.of("type", 4, "data", Map.of("content", "This interaction is not handled.", "flags", EPHEMERAL)));
    }
    ChannelIntake.Decision d;
    try {
      d = intake.accept(command.get(), false, false);
    } catch (TriggerIngress.NoLeaderException | QueueUnavailableException | AgentStoreUnavailableException e) {
      return HttpResponse.ok(Map.of("type", 4, "data",
          Map.of("content", "Sorry, I cannot take work right now. Please try again in a minute.", "flags", EPHEMERAL)));
    }
    return switch (d.outcome()) {
      case ACCEPTED, DUPLICATE -> HttpResponse.ok(Map.of("type", 5));
      case REFUSED, IGNORED -> HttpResponse.ok(Map.of("type", 4, "data",
          Map.of("content", d.reply() == null ? "No agent answers here." : d.reply(), "flags", EPHEMERAL)));
    };
  }

  private static HttpResponse<?> refuse(ChannelIntake intake, HttpStatus status, String result, String error) {
    intake.count("discord", "-", result);
    LOG.debug("Discord interaction refused with {}: {}", status.getCode(), error);
    return HttpResponse.status(status).body(Map.of("success", false, "error", error));
  }
}
