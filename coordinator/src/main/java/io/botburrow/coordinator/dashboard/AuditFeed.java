package io.botburrow.coordinator.dashboard;

import io.botburrow.audit.AuditEntry;
import io.botburrow.audit.AuditLog;
import io.botburrow.audit.AuditUnavailableException;
import io.micronaut.http.sse.Event;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * The audit trail as server-sent events, for the dashboard: the newest records of today, then each
 * record as runners append it, each event named by the record's type with the record's JSON line as
 * data. Each subscriber gets its own virtual thread that blocks on the log; it ends when the subscriber
 * goes away. A Redis outage is told as an {@code unavailable} event and the feed retries.
 */
final class AuditFeed {
  private static final Logger LOG = LoggerFactory.getLogger(AuditFeed.class);
  static final int BACKLOG = 500;
  private static final Duration WAIT = Duration.ofSeconds(5);
  private final AuditLog log;
  private final Clock clock;

  AuditFeed(AuditLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  Flux<Event<String>> events() {
    return Flux.create(sink -> {
      Thread reader = Thread.ofVirtual().name("dashboard-feed").start(() -> follow(sink));
      sink.onDispose(reader::interrupt);
    });
  }

  private void follow(FluxSink<Event<String>> sink) {
    LocalDate day = today();
    String position = null;
    while (!sink.isCancelled() && !Thread.currentThread().isInterrupted()) {
      try {
        AuditLog.Page page = log.follow(day, position, BACKLOG, WAIT);
        for (AuditEntry entry : page.entries()) {
          sink.next(Event.of(entry.line()).name(entry.type()));
        }
        position = page.position();
        if (page.entries().isEmpty()) {
          // a comment line: keeps proxies from closing an idle stream, and finds a closed one
          sink.next(Event.of("").comment("idle"));
        }
        LocalDate now = today();
        if (!now.equals(day)) {
          day = now;
          position = "0-0";
        }
      } catch (AuditUnavailableException e) {
        LOG.debug("Dashboard feed: audit log unavailable: {}", e.getMessage());
        sink.next(Event.of("{\"error\":\"audit log unavailable\"}").name("unavailable"));
        if (!pause()) {
          break;
        }
      } catch (RuntimeException e) {
        if (sink.isCancelled() || Thread.currentThread().isInterrupted()) {
          break;
        }
        LOG.warn("Dashboard feed failed: {}", e.toString());
        if (!pause()) {
          break;
        }
      }
    }
    sink.complete();
  }

  private static boolean pause() {
    try {
      Thread.sleep(WAIT);
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }
}
