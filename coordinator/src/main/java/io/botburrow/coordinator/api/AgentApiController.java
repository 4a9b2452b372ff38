package io.botburrow.coordinator.api;

import io.botburrow.activation.ActivationKind;
import io.botburrow.activity.AgentActivity;
import io.botburrow.agents.AgentDefinitionException;
import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.agents.AgentNotFoundException;
import io.botburrow.activation.Trigger;
import io.botburrow.coordinator.ingress.TenantIngresses;
import io.botburrow.coordinator.ingress.TriggerIngress;
import io.botburrow.activation.Activation;
import io.botburrow.queue.EnqueueResult;
import io.botburrow.queue.QueueAdmin;
import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.tasks.Task;
import io.botburrow.tasks.TaskState;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The agent API on every replica: send an agent a message, follow its task (A2A states), cancel it,
 * read the agent's state. {@code Authorization: Bearer} with the operator key or a scoped API key.
 * {@code /api/v1/tenants/<tenant>/...} addresses the agents and tasks of one tenant; the routes without it are the
 * default tenant's. A key of one tenant gets 403 on another's routes; an unknown tenant gets 404.
 */
@Controller("/api/v1")
@Requires(env = "coordinator")
@ExecuteOn(TaskExecutors.BLOCKING)
class AgentApiController {
  private static final int MAX_CONTENT_CHARS = 32_768;
  private final ApiAccess access;
  private final TenantIngresses ingresses;
  private final AgentStateView states;
  private final Clock clock;

  /** {@code {content, thread?}}. */
  record MessageRequest(@Nullable String content, @Nullable String thread) {}

  AgentApiController(ApiAccess access, TenantIngresses ingresses, QueueAdmin admin, AgentActivity activity, Clock clock) {
    this.access = access;
    this.ingresses = ingresses;
    this.states = new AgentStateView(admin, activity, clock);
    this.clock = clock;
  }

  @Post("/agents/{name}/messages")
  HttpResponse<?> message(
      String name, @Nullable @Header("Authorization") String auth, @Nullable @Header("Idempotency-Key") String idempotencyKey,
      @Body MessageRequest request) {
    return message(Activation.DEFAULT_TENANT, name, auth, idempotencyKey, request);
  }

  @Post("/tenants/{tenant}/agents/{name}/messages")
  HttpResponse<?> message(
      String tenant, String name, @Nullable @Header("Authorization") String auth,
      @Nullable @Header("Idempotency-Key") String idempotencyKey, @Body MessageRequest request) {
    return scoped(tenant, auth, ApiAccess.MESSAGES_WRITE, name, scope -> {
      if (request == null || request.content() == null || request.content().isBlank()) {
        return error(HttpStatus.BAD_REQUEST, "content is required");
      }
      if (request.content().length() > MAX_CONTENT_CHARS) {
        return error(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "content longer than " + MAX_CONTENT_CHARS + " characters");
      }
      if (!exists(scope.definitions(), name)) {
        return error(HttpStatus.NOT_FOUND, "no agent " + name + describe(scope));
      }
      String key = "message:" + name + ":" + (idempotencyKey == null || idempotencyKey.isBlank()
          ? UUID.randomUUID().toString() : idempotencyKey.trim());
      TriggerIngress.Submitted submitted = scope.ingress().submit(name, ActivationKind.MESSAGE, key, "API message",
          request.content(), request.thread(), Trigger.DEFAULT_DEDUP);
      // a new task answers with the state it was accepted in: a runner may already have claimed it by now
      String status = submitted.result() == EnqueueResult.ENQUEUED ? TaskState.SUBMITTED.wireName()
          : scope.tasks().get(submitted.taskId()).orElseThrow().state().wireName();
      return HttpResponse.accepted().body(Map.of("task_id", submitted.taskId(), "status", status));
    });
  }

  @Get("/tasks/{id}")
  HttpResponse<?> task(String id, @Nullable @Header("Authorization") String auth) {
    return task(Activation.DEFAULT_TENANT, id, auth);
  }

  @Get("/tenants/{tenant}/tasks/{id}")
  HttpResponse<?> task(String tenant, String id, @Nullable @Header("Authorization") String auth) {
    Optional<Task> task = ingresses.of(tenant).flatMap(s -> s.tasks().get(id));
    return scoped(tenant, auth, ApiAccess.TASKS_READ, task.map(Task::agent).orElse(null), scope -> task
        .<HttpResponse<?>>map(t -> HttpResponse.ok(view(t)))
        .orElseGet(() -> error(HttpStatus.NOT_FOUND, "no task " + id + describe(scope))));
  }

  @Post("/tasks/{id}/cancel")
  HttpResponse<?> cancel(String id, @Nullable @Header("Authorization") String auth) {
    return cancel(Activation.DEFAULT_TENANT, id, auth);
  }

  @Post("/tenants/{tenant}/tasks/{id}/cancel")
  HttpResponse<?> cancel(String tenant, String id, @Nullable @Header("Authorization") String auth) {
    Optional<Task> task = ingresses.of(tenant).flatMap(s -> s.tasks().get(id));
    return scoped(tenant, auth, ApiAccess.TASKS_CANCEL, task.map(Task::agent).orElse(null), scope -> {
      if (task.isEmpty()) {
        return error(HttpStatus.NOT_FOUND, "no task " + id + describe(scope));
      }
      return scope.tasks().cancel(id, "canceled through the API", clock.instant())
          .<HttpResponse<?>>map(t -> HttpResponse.ok(view(t)))
          .orElseGet(() -> error(HttpStatus.CONFLICT,
              "task " + id + " is already " + scope.tasks().get(id).orElseThrow().state().wireName()));
    });
  }

  @Get("/agents/{name}")
  HttpResponse<?> agent(String name, @Nullable @Header("Authorization") String auth) {
    return agent(Activation.DEFAULT_TENANT, name, auth);
  }

  @Get("/tenants/{tenant}/agents/{name}")
  HttpResponse<?> agent(String tenant, String name, @Nullable @Header("Authorization") String auth) {
    return scoped(tenant, auth, ApiAccess.AGENTS_READ, name, scope -> states.view(scope, name)
        .<HttpResponse<?>>map(HttpResponse::ok)
        .orElseGet(() -> error(HttpStatus.NOT_FOUND, "no agent " + name + describe(scope))));
  }

  static Map<String, Object> view(Task t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task_id", t.id());
    m.put("agent", t.agent());
    m.put("source", t.source());
    m.put("status", t.state().wireName());
    m.put("input", t.input());
    m.put("result", t.result());
    m.put("error", t.error());
    m.put("tokens", Map.of("input", t.inputTokens(), "output", t.outputTokens(), "total", t.inputTokens() + t.outputTokens()));
    m.put("cost_usd", t.costUsd());
    m.put("duration_ms", t.duration().map(d -> d.toMillis()).orElse(null));
    m.put("created_at", t.createdAt().toString());
    m.put("started_at", t.startedAt() == null ? null : t.startedAt().toString());
    m.put("finished_at", t.finishedAt() == null ? null : t.finishedAt().toString());
    return m;
  }

  private static String describe(TenantIngresses.Scope scope) {
    return scope.tenant().isDefault() ? "" : " in tenant " + scope.tenant().name();
  }

  private static boolean exists(AgentDefinitionStore definitions, String agent) {
    try {
      definitions.load(agent);
      return true;
    } catch (AgentNotFoundException e) {
      return false;
    } catch (AgentDefinitionException e) {
      // an invalid definition still exists: the task fails and says why
      return true;
    }
  }

  // An unknown task answers 404 only to a caller who may read some task; the agent is unknown then.
  // The key is checked before the tenant is looked up, so an unknown caller learns nothing of which tenants exist.
  private HttpResponse<?> scoped(String tenant, String auth, String scope, String agent,
      java.util.function.Function<TenantIngresses.Scope, HttpResponse<?>> action) {
    return guarded(auth, scope, agent, tenant, () -> ingresses.of(tenant)
        .map(action)
        .orElseGet(() -> error(HttpStatus.NOT_FOUND, "no tenant " + tenant + " is served here")));
  }

  private HttpResponse<?> guarded(String auth, String scope, String agent, String tenant, Supplier<HttpResponse<?>> action) {
    Optional<ApiAccess.Caller> caller = access.caller(auth);
    if (caller.isEmpty()) {
      return HttpResponse.status(HttpStatus.UNAUTHORIZED)
          .body(Map.of("success", false, "error", "Invalid or missing API key", "code", "UNAUTHORIZED"));
    }
    if (!caller.get().serves(tenant)) {
      return error(HttpStatus.FORBIDDEN, "key " + caller.get().name() + " is a key of tenant " + caller.get().tenant()
          + ", not of tenant " + tenant);
    }
    boolean allowed = agent == null ? caller.get().scopes().contains(scope) : caller.get().may(scope, agent);
    if (!allowed) {
      return error(HttpStatus.FORBIDDEN, "key " + caller.get().name() + " lacks " + scope + (agent == null ? "" : " for " + agent));
    }
    try {
      return action.get();
    } catch (TriggerIngress.NoLeaderException | QueueUnavailableException e) {
      return error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }
  }

  private static HttpResponse<?> error(HttpStatus status, String message) {
    return HttpResponse.status(status).body(Map.of("success", false, "error", message));
  }
}
