package io.botburrow.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Objects;

/**
 * One record of an activation's audit trail as stored: its JSON line and the SHA-256 of that line. The
 * line names its run, its place in the run ({@code seq}) and the hash of the record before it
 * ({@code prev}), so the line alone fixes where it belongs in the chain.
 *
 * @param line the record as one line of JSON, exactly as hashed
 * @param hash lower-case hex SHA-256 of the line's UTF-8 bytes, as recorded (a tampered line no longer matches it)
 */
public record AuditEntry(String line, String hash) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public AuditEntry {
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(hash, "hash");
  }

  /** The parsed line; throws {@link IllegalArgumentException} when it is not JSON. */
  public JsonNode record() {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audit record is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The run (one delivery of one activation) the record belongs to; empty when the line is unreadable. */
  public String run() {
    return text("run");
  }

  public String activation() {
    return text("activation");
  }

  public String agent() {
    return text("agent");
  }

  public String type() {
    return text("type");
  }

  public Instant at() {
    String at = text("at");
    return at.isEmpty() ? Instant.EPOCH : Instant.parse(at);
  }

  private String text(String field) {
    try {
      return record().path(field).asText("");
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
