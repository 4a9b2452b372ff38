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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * M9: answers at once when a runnable agent has unread notifications, otherwise parks the request
 * (no thread held) until one arrives or the timeout passes, then answers an empty list.
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
      @QueryValue("batch_size") @Nullable Integer batchSize) {
    auth.requireService(request);
    long waitMillis = Math.round(timeoutSeconds(timeout) * 1000);
    int limit = Paging.limit(batchSize, 100, 1000);
    // Registered before looking, so a notification created in between still wakes this poll.
    CompletableFuture<Void> wake = waiters.register();
    List<Map<String, Object>> ready = runnable.withUnread(limit);
    if (!ready.isEmpty() || waitMillis == 0) {
      waiters.forget(wake);
      return CompletableFuture.completedFuture(body(ready));
    }
    return wake.completeOnTimeout(null, waitMillis, TimeUnit.MILLISECONDS)
        .whenComplete((ignored, error) -> waiters.forget(wake))
        .thenApplyAsync(ignored -> body(runnable.withUnread(limit)), executor);
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

  private static Map<String, Object> body(List<Map<String, Object>> agents) {
    return Bodies.success("agents", agents);
  }
}
