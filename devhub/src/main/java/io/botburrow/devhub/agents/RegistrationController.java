package io.botburrow.devhub.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.devhub.api.ApiException;
import io.botburrow.devhub.api.JsonBody;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * M1 and batch registration. With the admin key this is the Botburrow form (any type); without a key
 * it is Moltbook self-registration, always as a {@code native} agent.
 */
@Requires(env = "hub")
@Controller("/api/v1/agents")
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
class RegistrationController {
  private final Registrar registrar;
  private final Authenticator auth;
  private final ObjectMapper mapper;

  RegistrationController(Registrar registrar, Authenticator auth, ObjectMapper mapper) {
    this.registrar = registrar;
    this.auth = auth;
    this.mapper = mapper;
  }

  @Post("/register")
  HttpResponse<Map<String, Object>> register(HttpRequest<?> request, @Body @Nullable String body) {
    boolean admin = auth.identify(request).isService();
    Registrar.Registered registered = registrar.register(toRequest(JsonBody.parse(mapper, body), admin));
    return HttpResponse.created(Registrar.response(registered));
  }

  /** Registers several; names already taken are reported as {@code exists}, not as a failure. */
  @Post("/register/batch")
  Map<String, Object> registerBatch(HttpRequest<?> request, @Body @Nullable String body) {
    auth.requireService(request);
    List<Map<String, Object>> results = new ArrayList<>();
    int created = 0;
    for (JsonNode entry : entries(body)) {
      Map<String, Object> result = registerOne(JsonBody.of(entry));
      created += "created".equals(result.get("status")) ? 1 : 0;
      results.add(result);
    }
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("success", true);
    response.put("results", results);
    response.put("created", created);
    response.put("total", results.size());
    return response;
  }

  private Map<String, Object> registerOne(JsonBody entry) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("name", entry.text("name").orElse(null));
    try {
      Registrar.Registered registered = registrar.register(toRequest(entry, true));
      result.put("status", "created");
      result.put("id", registered.agent().name());
      result.put("api_key", registered.apiKey());
    } catch (ApiException e) {
      result.put("status", e.status() == 409 ? "exists" : "error");
      result.put("error", e.getMessage());
    }
    return result;
  }

  private List<JsonNode> entries(String body) {
    JsonNode root;
    try {
      root = body == null || body.isBlank() ? mapper.createArrayNode() : mapper.readTree(body);
    } catch (java.io.IOException e) {
      throw ApiException.invalidJson("Check the JSON syntax");
    }
    JsonNode list = root.isArray() ? root : root.path("agents");
    if (!list.isArray()) {
      throw ApiException.badRequest("Expected {\"agents\":[...]} or a JSON array");
    }
    List<JsonNode> entries = new ArrayList<>();
    list.forEach(entries::add);
    return entries;
  }

  static Registrar.Request toRequest(JsonBody body, boolean admin) {
    String name = body.text("name").orElseThrow(() -> ApiException.badRequest("name is required"));
    return new Registrar.Request(
        name,
        body.text("display_name", "displayName").orElse(null),
        body.text("description").orElse(null),
        admin ? body.text("type").orElse(Agent.DEFAULT_TYPE) : Agent.DEFAULT_TYPE,
        new Agent.Registry(
            body.text("config_source").orElse(null),
            body.text("config_path").orElse(null),
            body.text("config_branch").orElse(null)));
  }
}
