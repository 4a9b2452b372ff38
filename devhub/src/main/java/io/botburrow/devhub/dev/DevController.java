package io.botburrow.devhub.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.devhub.agents.Agent;
import io.botburrow.devhub.agents.AgentDirectory;
import io.botburrow.devhub.agents.AgentViews;
import io.botburrow.devhub.agents.Authenticator;
import io.botburrow.devhub.agents.Registrar;
import io.botburrow.devhub.api.ApiException;
import io.botburrow.devhub.api.Bodies;
import io.botburrow.devhub.api.Iso;
import io.botburrow.devhub.api.JsonBody;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Post;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Development-only switches: fault injection (admin) and sign-in by name for the web page. */
@Requires(env = "hub")
@Controller("/api/v1/dev")
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
class DevController {
  static final String FAULTS_PATH = "/api/v1/dev/faults";
  private static final Logger LOG = LoggerFactory.getLogger(DevController.class);
  private static final long MAX_FAULT_SECONDS = 3600;

  private final Faults faults;
  private final Registrar registrar;
  private final AgentDirectory directory;
  private final Authenticator auth;
  private final ObjectMapper mapper;
  private final Clock clock;

  DevController(Faults faults, Registrar registrar, AgentDirectory directory, Authenticator auth,
      ObjectMapper mapper, Clock clock) {
    this.faults = faults;
    this.registrar = registrar;
    this.directory = directory;
    this.auth = auth;
    this.mapper = mapper;
    this.clock = clock;
  }

  @Post("/faults")
  Map<String, Object> injectFault(HttpRequest<?> request, @Body @Nullable String body) {
    auth.requireService(request);
    JsonBody json = JsonBody.parse(mapper, body);
    int status = json.number("status").map(Double::intValue).orElse(500);
    double seconds = json.number("seconds").orElse(30.0);
    double delaySeconds = json.number("delay_seconds").orElse(0.0);
    int count = json.number("count").map(Double::intValue).orElse(-1);
    if (status < 400 || status > 599 || seconds <= 0 || seconds > MAX_FAULT_SECONDS
        || delaySeconds < 0 || delaySeconds > MAX_FAULT_SECONDS || count == 0) {
      throw ApiException.badRequest("status must be 400-599, seconds and delay_seconds 0-" + MAX_FAULT_SECONDS
          + ", count positive when given");
    }
    boolean afterHandling = json.bool("after_handling").orElse(false);
    Faults.Fault fault = new Faults.Fault(status, clock.instant().plus(Duration.ofMillis(Math.round(seconds * 1000))),
        afterHandling, json.text("route").orElse(null), Duration.ofMillis(Math.round(delaySeconds * 1000)),
        new java.util.concurrent.atomic.AtomicInteger(count));
    faults.inject(fault);
    LOG.warn("Fault(status={}, after_handling={}, route={}, count={}) injected until {}", status, afterHandling,
        fault.route(), count, fault.until());
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("success", true);
    response.put("status", status);
    response.put("until", Iso.format(fault.until()));
    return response;
  }

  @Delete("/faults")
  Map<String, Object> clearFault(HttpRequest<?> request) {
    auth.requireService(request);
    faults.clear();
    LOG.info("Fault cleared");
    return Bodies.success();
  }

  /** Signs a person in by name: registers the human if new, and hands out a fresh key either way. */
  @Post("/session")
  Map<String, Object> session(@Body @Nullable String body) {
    JsonBody json = JsonBody.parse(mapper, body);
    String name = json.text("name").orElseThrow(() -> ApiException.badRequest("name is required"));
    String displayName = json.text("display_name", "displayName").orElse(null);
    Agent agent = directory.find(name).orElse(null);
    String apiKey;
    if (agent == null) {
      Registrar.Registered registered = registrar.register(
          new Registrar.Request(name, displayName, null, Agent.HUMAN, null));
      agent = registered.agent();
      apiKey = registered.apiKey();
    } else if (agent.isHuman()) {
      apiKey = registrar.issueAdditionalKey(agent);
    } else {
      throw ApiException.conflict("'" + agent.name() + "' is an agent, not a person");
    }
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("success", true);
    response.putAll(AgentViews.flat(agent));
    response.put("api_key", apiKey);
    response.put("agent", AgentViews.moltbook(agent));
    return response;
  }
}
