package io.botburrow.queue.redis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationId;
import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.Trigger;
import io.botburrow.channels.Platform;
import io.botburrow.channels.ReplyTarget;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The activation document stored in Redis. The Lua scripts read {@code id}, {@code kind},
 * {@code enqueuedAt} and {@code attempt} by pattern and rewrite {@code attempt} and {@code nids}, so
 * instants are epoch milliseconds and the format stays flat.
 */
final class ActivationJson {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final String NIDS = "nids";
  private static final String NIDS_FIELD = "\"" + NIDS + "\":[";

  private ActivationJson() {}

  static String write(Activation activation) {
    StringWriter out = new StringWriter(160);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("id", activation.id().value());
      json.writeStringField("agent", activation.agent());
      json.writeStringField("kind", activation.kind().wireName());
      if (!Activation.DEFAULT_TENANT.equals(activation.tenant())) {
        json.writeStringField("tenant", activation.tenant());
      }
      json.writeStringField("reason", activation.reason());
      json.writeNumberField("enqueuedAt", activation.enqueuedAt().toEpochMilli());
      json.writeNumberField("attempt", activation.attempt());
      if (activation.staleSince() == null) {
        json.writeNullField("staleSince");
      } else {
        json.writeNumberField("staleSince", activation.staleSince().toEpochMilli());
      }
      if (activation.trigger() != null) {
        writeTrigger(json, activation.trigger());
      }
      json.writeArrayFieldStart(NIDS);
      for (String id : activation.notificationIds()) {
        json.writeString(id);
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  // Flat and after the fields the scripts match by pattern; text fields are escaped, so a payload
  // cannot fake one of them.
  private static void writeTrigger(JsonGenerator json, Trigger trigger) throws IOException {
    json.writeStringField("tkey", trigger.key());
    if (trigger.taskId() != null) {
      json.writeStringField("task", trigger.taskId());
    }
    json.writeStringField("source", trigger.source());
    if (trigger.thread() != null) {
      json.writeStringField("thread", trigger.thread());
    }
    json.writeNumberField("dedupMs", trigger.dedupFor().toMillis());
    if (!trigger.chain().isEmpty()) {
      json.writeArrayFieldStart("chain");
      for (String agent : trigger.chain()) {
        json.writeString(agent);
      }
      json.writeEndArray();
    }
    if (trigger.replyTo() != null) {
      writeReplyTo(json, trigger.replyTo());
    }
    json.writeStringField("prompt", trigger.prompt());
  }

  // Documents written before reply targets existed have no "reply" object and read as null.
  private static void writeReplyTo(JsonGenerator json, ReplyTarget to) throws IOException {
    json.writeObjectFieldStart("reply");
    json.writeStringField("platform", to.platform().wireName());
    json.writeStringField("channel", to.channel());
    if (to.thread() != null) {
      json.writeStringField("thread", to.thread());
    }
    if (to.messageId() != null) {
      json.writeStringField("message", to.messageId());
    }
    if (to.followUp() != null) {
      json.writeStringField("followUp", to.followUp());
    }
    json.writeEndObject();
  }

  /**
   * The {@code nids} array exactly as {@link #write} ends the document with it, so the enqueue
   * script can recognise "no new notification ids" by comparing text instead of decoding JSON.
   */
  static String notificationIdsJson(Activation activation) {
    return notificationIdsJson(write(activation));
  }

  /**
   * The {@code nids} array of a document {@link #write} wrote: the text between its field name and
   * the closing brace (it is the last field; inside string values every quote is escaped, so the
   * last unescaped {@code "nids":[} is the field).
   */
  static String notificationIdsJson(String document) {
    int start = document.lastIndexOf(NIDS_FIELD);
    if (start < 0 || !document.endsWith("]}")) {
      throw new IllegalArgumentException("not an activation document: " + document);
    }
    return document.substring(start + NIDS_FIELD.length() - 1, document.length() - 1);
  }

  static Activation read(String text) {
    try (JsonParser json = FACTORY.createParser(text)) {
      return readObject(json);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("unreadable activation document in Redis: " + text, e);
    }
  }

  // Streaming rather than a tree: claims parse one document per activation on the hot path.
  private static Activation readObject(JsonParser json) throws IOException {
    if (json.nextToken() != JsonToken.START_OBJECT) {
      throw new IOException("not an object");
    }
    String id = null;
    String agent = null;
    String kind = null;
    String tenant = Activation.DEFAULT_TENANT;
    String reason = "";
    long enqueuedAt = 0;
    int attempt = 1;
    Instant staleSince = null;
    List<String> ids = List.of();
    String key = null;
    String task = null;
    String source = null;
    String thread = null;
    String prompt = null;
    long dedupMs = Trigger.DEFAULT_DEDUP.toMillis();
    List<String> chain = List.of();
    ReplyTarget replyTo = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      switch (field) {
        case "id" -> id = json.getText();
        case "agent" -> agent = json.getText();
        case "kind" -> kind = json.getText();
        case "tenant" -> tenant = json.getText();
        case "reason" -> reason = json.getText();
        case "enqueuedAt" -> enqueuedAt = json.getLongValue();
        case "attempt" -> attempt = json.getIntValue();
        case "staleSince" -> staleSince = value == JsonToken.VALUE_NULL ? null : Instant.ofEpochMilli(json.getLongValue());
        case "nids" -> ids = notificationIds(json, value);
        case "tkey" -> key = json.getText();
        case "task" -> task = json.getText();
        case "source" -> source = json.getText();
        case "thread" -> thread = json.getText();
        case "prompt" -> prompt = json.getText();
        case "dedupMs" -> dedupMs = json.getLongValue();
        case "chain" -> chain = notificationIds(json, value);
        case "reply" -> replyTo = replyTarget(json, value);
        default -> json.skipChildren();
      }
    }
    return new Activation(
        new ActivationId(id), agent, ActivationKind.fromWire(kind), reason, Instant.ofEpochMilli(enqueuedAt),
        attempt, ids, staleSince,
        key == null ? null : new Trigger(key, task, source, prompt, thread, Duration.ofMillis(dedupMs), chain, replyTo),
        tenant);
  }

  private static ReplyTarget replyTarget(JsonParser json, JsonToken start) throws IOException {
    if (start != JsonToken.START_OBJECT) {
      json.skipChildren();
      return null;
    }
    String platform = null;
    String channel = null;
    String thread = null;
    String message = null;
    String followUp = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      json.nextToken();
      switch (field) {
        case "platform" -> platform = json.getText();
        case "channel" -> channel = json.getText();
        case "thread" -> thread = json.getText();
        case "message" -> message = json.getText();
        case "followUp" -> followUp = json.getText();
        default -> json.skipChildren();
      }
    }
    return new ReplyTarget(Platform.fromWire(platform), channel, thread, message, followUp);
  }

  // An empty Lua table encodes as {} rather than [], so accept an empty object too.
  private static List<String> notificationIds(JsonParser json, JsonToken start) throws IOException {
    if (start != JsonToken.START_ARRAY) {
      json.skipChildren();
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    while (json.nextToken() != JsonToken.END_ARRAY) {
      ids.add(json.getText());
    }
    return ids;
  }
}
