package io.botburrow.coordinator.dashboard;

import io.botburrow.audit.AuditLog;
import io.botburrow.coordinator.operator.OperatorProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
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
  private final byte[] key;

  DashboardController(@Nullable AuditLog log, OperatorProperties props, Clock clock) {
    this.feed = log == null ? null : new AuditFeed(log, clock);
    this.key = props.key().getBytes(StandardCharsets.UTF_8);
  }

  @Get(uri = "/dashboard", produces = MediaType.TEXT_HTML)
  String page() {
    return PAGE;
  }

  @Get(uri = "/dashboard/dashboard.js", produces = "application/javascript")
  String script() {
    return SCRIPT;
  }

  /** The audit trail as it is written, newest records of today first; operator key required. */
  @Get(uri = "/api/v1/operator/events", produces = MediaType.TEXT_EVENT_STREAM)
  HttpResponse<?> events(@Nullable @Header("Authorization") String auth, @Nullable @Header("X-Admin-Key") String adminKey) {
    String presented = adminKey != null ? adminKey : auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
    if (presented == null || !MessageDigest.isEqual(key, presented.getBytes(StandardCharsets.UTF_8))) {
      return HttpResponse.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_JSON_TYPE)
          .body(Map.of("success", false, "error", "Invalid or missing admin key", "code", "UNAUTHORIZED"));
    }
    if (feed == null) {
      return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON_TYPE)
          .body(Map.of("success", false, "error", "No audit log (Redis disabled)", "code", "UNAVAILABLE"));
    }
    return HttpResponse.ok(feed.events()).contentType(MediaType.TEXT_EVENT_STREAM_TYPE);
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
