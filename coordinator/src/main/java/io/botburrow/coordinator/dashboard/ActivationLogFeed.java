package io.botburrow.coordinator.dashboard;

import io.botburrow.logs.ActivationLogs;
import io.botburrow.logs.LogsUnavailableException;
import io.micronaut.http.sse.Event;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * One activation's log lines as server-sent events ({@code event: line}): every line still held, then
 * each line as the runner ships it. Like {@link AuditFeed}, a virtual thread per subscriber blocks on
 * the store; a Redis outage is told as an {@code unavailable} event and the feed retries.
 */
final class ActivationLogFeed {
  private static final Logger LOG = LoggerFactory.getLogger(ActivationLogFeed.class);
  private static final Duration WAIT = Duration.ofSeconds(5);
  private final ActivationLogs logs;

  ActivationLogFeed(ActivationLogs logs) {
    this.logs = logs;
  }

  Flux<Event<String>> events(String activationId) {
    return Flux.create(sink -> {
      Thread reader = Thread.ofVirtual().name("dashboard-log").start(() -> follow(activationId, sink));
      sink.onDispose(reader::interrupt);
    });
  }

  private void follow(String activationId, FluxSink<Event<String>> sink) {
    String position = null;
    while (!sink.isCancelled() && !Thread.currentThread().isInterrupted()) {
      try {
        ActivationLogs.Page page = logs.follow(activationId, position, WAIT);
        page.lines().forEach(line -> sink.next(Event.of(line).name("line")));
        if (page.lines().isEmpty()) {
          sink.next(Event.of("").comment("idle"));
        }
        position = page.position();
      } catch (LogsUnavailableException e) {
        LOG.debug("Dashboard log of activation {}: store unavailable: {}", activationId, e.getMessage());
        sink.next(Event.of("{\"error\":\"activation logs unavailable\"}").name("unavailable"));
        if (!pause()) {
          break;
        }
      } catch (RuntimeException e) {
        if (sink.isCancelled() || Thread.currentThread().isInterrupted()) {
          break;
        }
        LOG.warn("Dashboard log of activation {} failed: {}", activationId, e.toString());
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
}
