package io.botburrow.coordinator.dashboard;

import io.botburrow.activation.ActivationId;
import io.botburrow.audit.AuditLog;
import io.botburrow.audit.AuditUnavailableException;
import io.botburrow.hub.http.HubClientProperties;
import io.botburrow.logs.ActivationLogs;
import io.botburrow.coordinator.operator.OperatorProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's dashboard: a page ({@code /dashboard}, no secrets in it) that asks for the operator key
 * and then reads the operator API and the live feed of activations ({@code /api/v1/operator/events},
 * server-sent events of the audit trail) with it.
 */
@Controller
@Requires(env = "coordinator")
class DashboardController {
  private static final String PAGE = resource("dashboard.html");
  private static final String SCRIPT = resource("dashboard.js");
  private final AuditFeed feed;
  private final DailyUsage usage;
  private final ActivationLogFeed logFeed;
  private final byte[] key;
  private final String page;

  DashboardController(@Nullable AuditLog log, OperatorProperties props, Clock clock, @Nullable HubClientProperties hub,
      @Nullable ActivationLogs logs) {
    this.feed = log == null ? null : new AuditFeed(log, clock);
    this.logFeed = logs == null ? null : new ActivationLogFeed(logs);
    this.usage = log == null ? null : new DailyUsage(log, clock);
    this.key = props.key().getBytes(StandardCharsets.UTF_8);
    // the Hub's page, for links to the thread an activation answered in; not a secret
    String hubUrl = hub == null ? "" : hub.url().toString().replaceAll("/+$", "");
    this.page = PAGE.replace("data-hub=\"\"", "data-hub=\"" + hubUrl.replace("\"", "%22").replace("<", "%3C") + "\"");
  }

  @Get(uri = "/dashboard", produces = MediaType.TEXT_HTML)
  String page() {
    return page;
  }

  @Get(uri = "/dashboard/dashboard.js", produces = "application/javascript")
  String script() {
    return SCRIPT;
  }

  /** The audit trail as it is written, newest records of today first; operator key required. */
  @Get(uri = "/api/v1/operator/events", produces = MediaType.TEXT_EVENT_STREAM)
  HttpResponse<?> events(@Nullable @Header("Authorization") String auth, @Nullable @Header("X-Admin-Key") String adminKey) {
    if (!allowed(auth, adminKey)) {
      return denied();
    }
    if (feed == null) {
      return noAuditLog();
    }
    return HttpResponse.ok(feed.events()).contentType(MediaType.TEXT_EVENT_STREAM_TYPE);
  }

  /** One activation's log lines (the runner's, redacted) as they are shipped; operator key required. */
  @Get(uri = "/api/v1/operator/activations/{id}/log", produces = MediaType.TEXT_EVENT_STREAM)
  HttpResponse<?> log(@Nullable @Header("Authorization") String auth, @Nullable @Header("X-Admin-Key") String adminKey, String id) {
    if (!allowed(auth, adminKey)) {
      return denied();
    }
    try {
      new ActivationId(id);
    } catch (IllegalArgumentException e) {
      return HttpResponse.badRequest(Map.of("success", false, "error", e.getMessage())).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
    if (logFeed == null) {
      return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON_TYPE)
          .body(Map.of("success", false, "error", "No activation logs (Redis disabled)", "code", "UNAVAILABLE"));
    }
    return HttpResponse.ok(logFeed.events(id)).contentType(MediaType.TEXT_EVENT_STREAM_TYPE);
  }

  /** Tokens and cost per agent per UTC day over the last {@code days} days (from the audit trail). */
  @Get(uri = "/api/v1/operator/usage", produces = MediaType.APPLICATION_JSON)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<?> usage(@Nullable @Header("Authorization") String auth, @Nullable @Header("X-Admin-Key") String adminKey,
      @QueryValue(defaultValue = "14") int days) {
    if (!allowed(auth, adminKey)) {
      return denied();
    }
    if (usage == null) {
      return noAuditLog();
    }
    List<DailyUsage.Day> tally;
    try {
      tally = usage.lastDays(days);
    } catch (IllegalArgumentException e) {
      return HttpResponse.badRequest(Map.of("success", false, "error", e.getMessage()));
    } catch (AuditUnavailableException e) {
      return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
          .body(Map.of("success", false, "error", "audit log unavailable", "code", "UNAVAILABLE"));
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (DailyUsage.Day day : tally) {
      Map<String, Object> agents = new LinkedHashMap<>();
      day.agents().forEach((agent, u) -> agents.put(agent,
          Map.of("tokens", u.tokens(), "cost_usd", u.costUsd(), "activations", u.activations())));
      out.add(Map.of("day", day.day().toString(), "agents", agents));
    }
    return HttpResponse.ok(Map.of("days", out));
  }

  private boolean allowed(String auth, String adminKey) {
    String presented = adminKey != null ? adminKey : auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
    return presented != null && MessageDigest.isEqual(key, presented.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpResponse<?> denied() {
    return HttpResponse.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_JSON_TYPE)
        .body(Map.of("success", false, "error", "Invalid or missing admin key", "code", "UNAUTHORIZED"));
  }

  private static HttpResponse<?> noAuditLog() {
    return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON_TYPE)
        .body(Map.of("success", false, "error", "No audit log (Redis disabled)", "code", "UNAVAILABLE"));
  }

  private static String resource(String name) {
    try (InputStream in = DashboardController.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("dashboard resource missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
