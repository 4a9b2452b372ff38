package io.botburrow.queue.redis;

import io.botburrow.activation.ActivationKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Names of the Redis keys of the activation queue, all under one prefix. Every script receives
 * {@link #scriptKeys()} in this fixed order (see {@code prelude.lua}), so the layout has a single
 * definition on each side.
 *
 * @param prefix e.g. {@code botburrow:}; wrap it in braces ({@code {botburrow}:}) to keep every key in
 *     one Redis Cluster slot
 */
public record RedisQueueKeys(String prefix) {

  public RedisQueueKeys {
    Objects.requireNonNull(prefix, "prefix");
  }

  /** Claimable activations per kind: ZSET agent → order score. */
  public String ready(ActivationKind kind) {
    return prefix + "queue:ready:" + kind.wireName();
  }

  /** Pending but not claimable (agent running or circuit open): ZSET agent → order score. */
  public String held(ActivationKind kind) {
    return prefix + "queue:held:" + kind.wireName();
  }

  /** The single pending activation per (agent, kind): HASH agent → activation JSON. */
  public String pending(ActivationKind kind) {
    return prefix + "queue:pending:" + kind.wireName();
  }

  /**
   * Further waiting work of a keyed kind: ZSET (all scores 0, ordered by member) of
   * {@code <agent> <order score, 20 digits> <activation id>}.
   */
  public String backlog(ActivationKind kind) {
    return prefix + "queue:backlog:" + kind.wireName();
  }

  /** HASH backlog member → activation JSON. */
  public String backlogDocs(ActivationKind kind) {
    return prefix + "queue:backlog:docs:" + kind.wireName();
  }

  /** ZSET idempotency key of an accepted trigger → until when it is remembered (epoch ms). */
  public String idempotencyKeys() {
    return prefix + "queue:idem";
  }

  /** HASH agent → JSON of the running activation. */
  public String running() {
    return prefix + "queue:running";
  }

  /** HASH agent → "runnerId|activationId" of the running activation's lease holder. */
  public String owner() {
    return prefix + "queue:owner";
  }

  /** ZSET agent → lease expiry (epoch ms). */
  public String leases() {
    return prefix + "queue:leases";
  }

  public String circuitFailures() {
    return prefix + "queue:circuit:failures";
  }

  public String circuitOpenUntil() {
    return prefix + "queue:circuit:until";
  }

  /** ZSET agent → circuit open-until, removed once its held work was made claimable again. */
  public String circuitWake() {
    return prefix + "queue:circuit:wake";
  }

  public String dead() {
    return prefix + "queue:dead";
  }

  public String deadErrors() {
    return prefix + "queue:dead:errors";
  }

  public String deadOrder() {
    return prefix + "queue:dead:order";
  }

  public String stats() {
    return prefix + "queue:stats";
  }

  public String sequence() {
    return prefix + "queue:seq";
  }

  /** Highest fencing token: the leader election increments it per term, enqueues check it. */
  public String fencingCounter() {
    return prefix + "fence";
  }

  /** Pub/sub channel announcing newly claimable work; the message is the kind's wire name. */
  public String wakeChannel() {
    return prefix + "queue:wake";
  }

  /** Effect ledger entry. */
  public String effect(String key) {
    return prefix + "effect:" + key;
  }

  /** The keys every queue script receives, in the order {@code prelude.lua} expects. */
  public List<Object> scriptKeys() {
    List<Object> keys = new ArrayList<>(List.of(
        running(),
        owner(),
        leases(),
        circuitFailures(),
        circuitOpenUntil(),
        circuitWake(),
        dead(),
        deadErrors(),
        deadOrder(),
        stats(),
        sequence(),
        fencingCounter(),
        idempotencyKeys()));
    for (ActivationKind kind : ActivationKind.values()) {
      keys.addAll(List.of(ready(kind), held(kind), pending(kind), backlog(kind), backlogDocs(kind)));
    }
    return List.copyOf(keys);
  }

  /** Index of {@code kind} in the scripts' per-kind tables (1-based, as Lua counts). */
  static int scriptIndex(ActivationKind kind) {
    return kind.ordinal() + 1;
  }
}
