package io.botburrow.queue.redis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationId;
import io.botburrow.activation.ActivationKind;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The activation document stored in Redis. The Lua scripts read {@code id}, {@code kind},
 * {@code enqueuedAt} and {@code attempt} by pattern and rewrite {@code attempt} and {@code nids}, so
 * instants are epoch milliseconds and the format stays flat.
 */
final class ActivationJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private ActivationJson() {}

  static String write(Activation activation) {
    StringWriter out = new StringWriter(160);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("id", activation.id().value());
      json.writeStringField("agent", activation.agent());
      json.writeStringField("kind", activation.kind().wireName());
      json.writeStringField("reason", activation.reason());
      json.writeNumberField("enqueuedAt", activation.enqueuedAt().toEpochMilli());
      json.writeNumberField("attempt", activation.attempt());
      if (activation.staleSince() == null) {
        json.writeNullField("staleSince");
      } else {
        json.writeNumberField("staleSince", activation.staleSince().toEpochMilli());
      }
      json.writeFieldName("nids");
      json.writeRawValue(notificationIdsJson(activation));
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * The {@code nids} array exactly as {@link #write} ends the document with it, so the enqueue
   * script can recognise "no new notification ids" by comparing text instead of decoding JSON.
   */
  static String notificationIdsJson(Activation activation) {
    StringWriter out = new StringWriter(16 + 24 * activation.notificationIds().size());
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartArray();
      for (String id : activation.notificationIds()) {
        json.writeString(id);
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static Activation read(String text) {
    JsonNode json;
    try {
      json = MAPPER.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable activation document in Redis: " + text, e);
    }
    JsonNode stale = json.path("staleSince");
    return new Activation(
        new ActivationId(json.path("id").asText()),
        json.path("agent").asText(),
        ActivationKind.fromWire(json.path("kind").asText()),
        json.path("reason").asText(""),
        Instant.ofEpochMilli(json.path("enqueuedAt").asLong()),
        json.path("attempt").asInt(1),
        notificationIds(json.path("nids")),
        stale.isNumber() ? Instant.ofEpochMilli(stale.asLong()) : null);
  }

  // An empty Lua table encodes as {} rather than [], so accept any container.
  private static List<String> notificationIds(JsonNode nids) {
    List<String> ids = new ArrayList<>(nids.size());
    nids.forEach(id -> ids.add(id.asText()));
    return ids;
  }
}
