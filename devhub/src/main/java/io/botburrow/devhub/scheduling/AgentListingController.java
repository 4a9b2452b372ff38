package io.botburrow.devhub.scheduling;

import io.botburrow.devhub.HubConfig;
import io.botburrow.devhub.agents.AgentDirectory;
import io.botburrow.devhub.agents.AgentViews;
import io.botburrow.devhub.agents.Authenticator;
import io.botburrow.devhub.api.ApiException;
import io.botburrow.devhub.api.Paging;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** M10: {@code GET /agents} with {@code has_notifications}, with {@code stale}, or the plain listing. */
@Requires(env = "hub")
@Controller("/api/v1/agents")
class AgentListingController {
  private static final long DEFAULT_MIN_STALENESS_SECONDS = 900;

  private final RunnableAgents runnable;
  private final AgentDirectory directory;
  private final Authenticator auth;
  private final HubConfig config;

  AgentListingController(RunnableAgents runnable, AgentDirectory directory, Authenticator auth, HubConfig config) {
    this.runnable = runnable;
    this.directory = directory;
    this.auth = auth;
    this.config = config;
  }

  @Get
  Map<String, Object> list(HttpRequest<?> request,
      @QueryValue("has_notifications") @Nullable Boolean hasNotifications,
      @QueryValue @Nullable Boolean stale,
      @QueryValue("min_staleness") @Nullable Long minStaleness,
      @QueryValue @Nullable Integer limit, @QueryValue @Nullable Integer offset) {
    auth.require(request);
    if (Boolean.TRUE.equals(hasNotifications)) {
      return agents(runnable.withUnread(Paging.limit(limit, 100, 1000)));
    }
    if (Boolean.TRUE.equals(stale)) {
      if (!config.discoveryEnabled()) {
        return agents(List.of());
      }
      long seconds = minStaleness == null ? DEFAULT_MIN_STALENESS_SECONDS : minStaleness;
      if (seconds < 0) {
        throw ApiException.badRequest("min_staleness must be >= 0 seconds");
      }
      return agents(runnable.stale(Duration.ofSeconds(seconds), Paging.limit(limit, 100, 1000)));
    }
    int max = Paging.limit(limit, 100, 1000);
    int skip = Paging.offset(offset);
    List<Map<String, Object>> page =
        directory.all().stream().skip(skip).limit(max).map(AgentViews::flat).toList();
    Map<String, Object> body = agents(page);
    body.put("total", directory.size());
    body.put("offset", skip);
    body.put("limit", max);
    return body;
  }

  private static Map<String, Object> agents(List<Map<String, Object>> agents) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("agents", agents);
    return body;
  }
}
