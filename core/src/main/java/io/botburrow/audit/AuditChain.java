package io.botburrow.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the hash chain of one run: each record carries the SHA-256 of the record before it, and the first
 * one the run's {@linkplain #genesis(String) genesis}, a hash of the run id. Runs chain independently, so
 * each verifies on its own, a bounded stream that dropped older runs breaks no newer one, and runners
 * never wait on each other. Not thread-safe: one chain per run, appended from the activation's threads
 * under its own lock.
 */
public final class AuditChain {
  /** Version of the record layout, the first field hashed. */
  public static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String run;
  private final String activation;
  private final String agent;
  private String prev;
  private int seq;

  /** @param run unique per delivery of an activation, e.g. {@code <activation>.<attempt>.<nonce>} */
  public AuditChain(String run, String activation, String agent) {
    this.run = Objects.requireNonNull(run, "run");
    this.activation = Objects.requireNonNull(activation, "activation");
    this.agent = Objects.requireNonNull(agent, "agent");
    this.prev = genesis(run);
  }

  /** The hash the first record of {@code run} chains to. */
  public static String genesis(String run) {
    return sha256("botburrow-audit-v" + VERSION + "\n" + run);
  }

  /** The next record: {@code data} is written in its iteration order and must be JSON-serializable. */
  public synchronized AuditEntry append(String type, Map<String, ?> data, Instant at) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("v", VERSION);
    record.put("run", run);
    record.put("activation", activation);
    record.put("agent", agent);
    record.put("seq", seq);
    record.put("at", at.toString());
    record.put("type", type);
    record.put("data", data);
    record.put("prev", prev);
    String line;
    try {
      line = JSON.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audit data of " + type + " is not serializable: " + e.getOriginalMessage(), e);
    }
    AuditEntry entry = new AuditEntry(line, sha256(line));
    prev = entry.hash();
    seq++;
    return entry;
  }

  public String activation() {
    return activation;
  }

  public String run() {
    return run;
  }

  /** Records appended so far. */
  public synchronized int size() {
    return seq;
  }

  /** Lower-case hex SHA-256 of {@code text}'s UTF-8 bytes. */
  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
