package io.botburrow.coordinator.operator;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationId;
import io.botburrow.activation.ActivationKind;
import io.botburrow.leader.LeaderElection;
import io.botburrow.queue.DeadLetter;
import io.botburrow.queue.QueueAdmin;
import io.botburrow.queue.RunningLease;
import io.botburrow.runners.RunnerCard;
import io.botburrow.runners.RunnerDirectory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.function.Supplier;

/** The operator API: queues, running activations, dead letters, circuits and leadership, as JSON. */
@Controller("/api/v1/operator")
@Requires(env = "coordinator")
@ExecuteOn(TaskExecutors.BLOCKING)
class OperatorController {
  private final QueueAdmin admin;
  private final LeaderElection election;
  private final byte[] key;
  private final RunnerDirectory directory;
  private final Clock clock;

  OperatorController(QueueAdmin admin, LeaderElection election, OperatorProperties props, @Nullable RunnerDirectory directory,
      Clock clock) {
    this.admin = admin;
    this.election = election;
    this.directory = directory;
    this.clock = clock;
    this.key = props.key().getBytes(StandardCharsets.UTF_8);
  }

  @Get("/queues")
  HttpResponse<?> queues(@Nullable @Header("Authorization") String auth, @Nullable @Header("X-Admin-Key") String adminKey) {
    return authorized(auth, adminKey, () -> {
      List<Map<String, Object>> out = new ArrayList<>();
      for (ActivationKind kind : ActivationKind.values()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.wireName());
        m.put("depth", admin.depth(kind));
        m.put("oldest_age_seconds", admin.oldestAge(kind).map(d -> d.toMillis() / 1000.0).orElse(0.0));
        out.add(m);
      }
      return Map.of("queues", out, "counters", admin.counters());
    });
  }

  @Get("/running")
  HttpResponse<?> running(@Nullable @Header("Authorization") String auth, @Nullable @Header("X-Admin-Key") String adminKey) {
    return authorized(auth, adminKey, () -> Map.of("running", admin.runningLeases().stream().map(OperatorController::view).toList()));
  }

  @Get("/dead-letters")
  HttpResponse<?> deadLetters(
      @Nullable @Header("Authorization") String auth, @Nullable @Header("X-Admin-Key") String adminKey, @QueryValue(defaultValue = "100") int limit) {
    return authorized(auth, adminKey, () -> Map.of("dead_letters", admin.deadLetters(limit).stream().map(OperatorController::view).toList()));
  }

  @Post("/dead-letters/{id}/requeue")
  HttpResponse<?> requeue(@Nullable @Header("Authorization") String auth, @Nullable @Header("X-Admin-Key") String adminKey, String id) {
    if (!allowed(auth, adminKey)) {
      return denied();
    }
    ActivationId activationId;
    try {
      activationId = new ActivationId(id);
    } catch (IllegalArgumentException e) {
      return HttpResponse.badRequest(Map.of("success", false, "error", e.getMessage()));
    }
    return admin.requeueDeadLetter(activationId)
        ? HttpResponse.ok(Map.of("success", true, "requeued", id))
        : HttpResponse.notFound(Map.of("success", false, "error", "Dead letter not found"));
  }

  @Get("/circuits")
  HttpResponse<?> circuits(@Nullable @Header("Authorization") String auth, @Nullable @Header("X-Admin-Key") String adminKey) {
    return authorized(auth, adminKey, () -> Map.of("open_circuits", admin.openCircuits()));
  }

  @Post("/circuits/{agent}/reset")
  HttpResponse<?> resetCircuit(@Nullable @Header("Authorization") String auth, @Nullable @Header("X-Admin-Key") String adminKey, String agent) {
    return resetCircuit(auth, adminKey, Activation.DEFAULT_TENANT, agent);
  }

  /** The circuit of a tenant's agent (listed as {@code tenant/agent} in {@code /circuits}). */
  @Post("/circuits/{tenant}/{agent}/reset")
  HttpResponse<?> resetCircuit(@Nullable @Header("Authorization") String auth, @Nullable @Header("X-Admin-Key") String adminKey,
      String tenant, String agent) {
    if (!allowed(auth, adminKey)) {
      return denied();
    }
    String key = Activation.queueKey(tenant, agent);
    return admin.resetCircuit(key)
        ? HttpResponse.ok(Map.of("success", true, "reset", key))
        : HttpResponse.notFound(Map.of("success", false, "error", "No circuit for agent " + key));
  }

  /** Every runner that announced itself lately, idle ones included, with its busy slots. */
  @Get("/runners")
  HttpResponse<?> runners(@Nullable @Header("Authorization") String auth, @Nullable @Header("X-Admin-Key") String adminKey) {
    return authorized(auth, adminKey, () -> {
      Map<String, Long> busy = admin.runningLeases().stream()
          .collect(Collectors.groupingBy(RunningLease::runnerId, TreeMap::new, Collectors.counting()));
      List<Map<String, Object>> out = new ArrayList<>();
      Instant now = clock.instant();
      for (RunnerCard card : directory == null ? List.<RunnerCard>of() : directory.cards()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runner", card.runnerId());
        m.put("pool", card.pool());
        m.put("slots", card.slots());
        m.put("busy", busy.getOrDefault(card.runnerId(), 0L));
        m.put("last_beat_at", card.at().toString());
        m.put("silent", card.silent(now));
        busy.remove(card.runnerId());
        out.add(m);
      }
      // leases of runners without a card (an older runner, or one whose card was lost)
      busy.forEach((runner, n) -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runner", runner);
        m.put("busy", n);
        out.add(m);
      });
      return Map.of("runners", out);
    });
  }

  @Get("/leader")
  HttpResponse<?> leader(@Nullable @Header("Authorization") String auth, @Nullable @Header("X-Admin-Key") String adminKey) {
    return authorized(auth, adminKey, () -> Map.of(
        "instance", election.instanceId(),
        "leader", election.isLeader(),
        "fencing_token", election.fencingToken().isPresent() ? election.fencingToken().getAsLong() : -1));
  }

  private static Map<String, Object> view(RunningLease r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("activation_id", r.activationId().value());
    m.put("agent", r.agent());
    m.put("kind", r.kind().wireName());
    m.put("attempt", r.attempt());
    m.put("runner", r.runnerId());
    m.put("lease_expires_at", r.leaseExpiresAt().toString());
    return m;
  }

  private static Map<String, Object> view(DeadLetter d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("activation_id", d.activation().id().value());
    m.put("agent", d.activation().agent());
    m.put("kind", d.activation().kind().wireName());
    m.put("attempt", d.activation().attempt());
    m.put("last_error", d.lastError());
    m.put("dead_at", d.deadAt().toString());
    return m;
  }

  private HttpResponse<?> authorized(String auth, String adminKey, Supplier<Object> body) {
    return allowed(auth, adminKey) ? HttpResponse.ok(body.get()) : denied();
  }

  private boolean allowed(String auth, String adminKey) {
    String presented = adminKey != null ? adminKey : auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
    return presented != null && MessageDigest.isEqual(key, presented.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpResponse<?> denied() {
    return HttpResponse.status(HttpStatus.UNAUTHORIZED)
        .body(Map.of("success", false, "error", "Invalid or missing admin key", "code", "UNAUTHORIZED"));
  }
}
