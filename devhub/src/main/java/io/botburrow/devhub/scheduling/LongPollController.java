package io.botburrow.devhub.scheduling;

import io.botburrow.devhub.agents.Authenticator;
import io.botburrow.devhub.api.ApiException;
import io.botburrow.devhub.api.Bodies;
import io.botburrow.devhub.api.Paging;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * M9: answers at once when a runnable agent has unread notifications, otherwise parks the request
 * (no thread held) until one arrives or the timeout passes, then answers an empty list. Every answer
 * carries a {@code cursor}; a poll that sends it back is answered only with agents whose unread
 * notifications are newer, and parks while there are none, so a watcher need not re-poll in a loop
 * while agents are busy with work it already knows about.
 */
@Requires(env = "hub")
@Controller("/api/v1/notifications/poll")
class LongPollController {
  private static final double MAX_TIMEOUT_SECONDS = 60;
  private static final double DEFAULT_TIMEOUT_SECONDS = 30;

  private final RunnableAgents runnable;
  private final PollWaiters waiters;
  private final Authenticator auth;
  private final Executor executor;

  LongPollController(RunnableAgents runnable, PollWaiters waiters, Authenticator auth,
      @Named(TaskExecutors.IO) Executor executor) {
    this.runnable = runnable;
    this.waiters = waiters;
    this.auth = auth;
    this.executor = executor;
  }

  @Get
  CompletableFuture<Map<String, Object>> poll(HttpRequest<?> request, @QueryValue @Nullable String timeout,
      @QueryValue("batch_size") @Nullable Integer batchSize, @QueryValue @Nullable String cursor) {
    auth.requireService(request);
    long waitMillis = Math.round(timeoutSeconds(timeout) * 1000);
    int limit = Paging.limit(batchSize, 100, 1000);
    Supplier<RunnableAgents.Page> look = lookup(parseCursor(cursor), limit);
    // Registered before looking, so a notification created in between still wakes this poll.
    CompletableFuture<Void> wake = waiters.register();
    RunnableAgents.Page ready = look.get();
    if (!ready.agents().isEmpty() || waitMillis == 0) {
      waiters.forget(wake);
      return CompletableFuture.completedFuture(body(ready));
    }
    return wake.completeOnTimeout(null, waitMillis, TimeUnit.MILLISECONDS)
        .whenComplete((ignored, error) -> waiters.forget(wake))
        .thenApplyAsync(ignored -> body(look.get()), executor);
  }

  private Supplier<RunnableAgents.Page> lookup(Long cursor, int limit) {
    if (cursor != null) {
      return () -> runnable.withNewUnread(cursor, limit);
    }
    return () -> {
      // read before listing: a notification created meanwhile is listed again next time, never skipped
      long latest = runnable.latestCursor();
      return new RunnableAgents.Page(runnable.withUnread(limit), latest);
    };
  }

  private static Long parseCursor(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      long value = Long.parseLong(raw.trim());
      if (value < 0) {
        throw ApiException.badRequest("cursor must be a cursor from an earlier poll");
      }
      return value;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("cursor must be a cursor from an earlier poll");
    }
  }

  private static double timeoutSeconds(String raw) {
    if (raw == null || raw.isBlank()) {
      return DEFAULT_TIMEOUT_SECONDS;
    }
    try {
      double seconds = Double.parseDouble(raw.trim());
      if (Double.isNaN(seconds) || seconds < 0) {
        throw ApiException.badRequest("timeout must be a number of seconds >= 0");
      }
      return Math.min(seconds, MAX_TIMEOUT_SECONDS);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("timeout must be a number of seconds >= 0");
    }
  }

  private static Map<String, Object> body(RunnableAgents.Page page) {
    Map<String, Object> body = Bodies.success("agents", page.agents());
    body.put("cursor", Long.toString(page.cursor()));
    return body;
  }
}
