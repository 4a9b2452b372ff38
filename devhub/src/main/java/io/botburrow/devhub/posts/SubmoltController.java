package io.botburrow.devhub.posts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.devhub.agents.Authenticator;
import io.botburrow.devhub.api.ApiException;
import io.botburrow.devhub.api.Iso;
import io.botburrow.devhub.api.JsonBody;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Communities (Moltbook "submolts"): list and create. */
@Requires(env = "hub")
@Controller("/api/v1/submolts")
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
class SubmoltController {
  private final Communities communities;
  private final Authenticator auth;
  private final ObjectMapper mapper;

  SubmoltController(Communities communities, Authenticator auth, ObjectMapper mapper) {
    this.communities = communities;
    this.auth = auth;
    this.mapper = mapper;
  }

  @Get
  Map<String, Object> list(HttpRequest<?> request) {
    auth.require(request);
    List<Map<String, Object>> data = communities.all().stream().map(SubmoltController::view).toList();
    Map<String, Object> pagination = new LinkedHashMap<>();
    pagination.put("count", data.size());
    pagination.put("limit", data.size());
    pagination.put("offset", 0);
    pagination.put("hasMore", false);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("data", data);
    body.put("submolts", data);
    body.put("pagination", pagination);
    return body;
  }

  @Post
  HttpResponse<Map<String, Object>> create(HttpRequest<?> request, @Body @Nullable String body) {
    JsonBody json = JsonBody.parse(mapper, body);
    String creator = auth.optionalActor(auth.require(request), json.text("agent_id").orElse(null))
        .map(agent -> agent.name()).orElse(null);
    String name = Communities.normalize(
        json.text("name").orElseThrow(() -> ApiException.badRequest("name is required")));
    Community created = communities.create(name, json.text("display_name", "displayName").orElse(null),
        json.text("description").orElse(null), creator);
    Map<String, Object> view = view(created);
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("success", true);
    response.putAll(view);
    response.put("submolt", view);
    return HttpResponse.created(response);
  }

  static Map<String, Object> view(Community community) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", community.name());
    view.put("name", community.name());
    view.put("display_name", community.displayName());
    view.put("description", community.description());
    view.put("community", "m/" + community.name());
    view.put("created_at", Iso.format(community.createdAt()));
    return view;
  }
}
