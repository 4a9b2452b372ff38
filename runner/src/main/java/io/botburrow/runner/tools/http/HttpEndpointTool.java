package io.botburrow.runner.tools.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.agents.HttpToolSpec;
import io.botburrow.llm.ToolSpec;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.ToolOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One endpoint of an agent's HTTP API as a tool: path parameters and {@code query} from the model,
 * a JSON {@code body} for POST, PUT and PATCH. Sends no header the definition chose; follows no
 * redirect (it could leave the allowed host); cuts the response at the size cap.
 */
final class HttpEndpointTool implements AgentTool {
  private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z0-9_]+)}");
  private final HttpToolSpec api;
  private final HttpToolSpec.Endpoint endpoint;
  private final String name;
  private final HttpClient http;
  private final HttpToolProperties props;
  private final ObjectMapper json;

  HttpEndpointTool(HttpToolSpec api, HttpToolSpec.Endpoint endpoint, String name, HttpClient http, HttpToolProperties props,
      ObjectMapper json) {
    this.api = api;
    this.endpoint = endpoint;
    this.name = name;
    this.http = http;
    this.props = props;
    this.json = json;
  }

  @Override
  public ToolSpec spec() {
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (String param : pathParams()) {
      properties.put(param, Map.of("type", "string", "description", "Path parameter " + param + "."));
      required.add(param);
    }
    properties.put("query", Map.of("type", "object", "description", "Query parameters (name to value).",
        "additionalProperties", Map.of("type", "string")));
    if (hasBody()) {
      properties.put("body", Map.of("type", "object", "description", "JSON request body."));
    }
    String what = endpoint.description().isBlank() ? endpoint.method() + " " + endpoint.path() : endpoint.description();
    String description = what + " (" + endpoint.method() + " " + endpoint.path() + " of " + api.name()
        + (api.description().isBlank() ? "" : ": " + api.description()) + ")";
    return new ToolSpec(name, description, Map.of("type", "object", "properties", properties, "required", required));
  }

  @Override
  public ToolOutcome invoke(String argumentsJson) {
    JsonNode args;
    try {
      args = json.readTree(argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson);
    } catch (IOException e) {
      return ToolOutcome.error("Arguments are not JSON: " + e.getMessage());
    }
    URI uri;
    try {
      uri = uri(args);
    } catch (IllegalArgumentException e) {
      return ToolOutcome.error(e.getMessage());
    }
    if (!props.allows(uri.getHost())) {
      return ToolOutcome.error("The operator does not allow calls to " + uri.getHost() + ".");
    }
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
    if (hasBody() && args.has("body")) {
      byte[] bytes = args.get("body").toString().getBytes(StandardCharsets.UTF_8);
      if (bytes.length > props.maxRequestBytes()) {
        return ToolOutcome.error("The body is " + bytes.length + " bytes; at most " + props.maxRequestBytes() + " are allowed.");
      }
      body = HttpRequest.BodyPublishers.ofByteArray(bytes);
    }
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(props.timeout())
        .header("Accept", "application/json, text/plain;q=0.9, */*;q=0.5")
        .header("Content-Type", "application/json")
        .method(endpoint.method(), body).build();
    try {
      HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      return outcome(response);
    } catch (HttpTimeoutException e) {
      return ToolOutcome.error(endpoint.method() + " " + uri + " timed out after " + props.timeout().toMillis() + " ms.");
    } catch (IOException e) {
      return ToolOutcome.error(endpoint.method() + " " + uri + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ToolOutcome.error(endpoint.method() + " " + uri + " was interrupted.");
    }
  }

  private ToolOutcome outcome(HttpResponse<InputStream> response) throws IOException {
    byte[] head;
    boolean cut;
    try (InputStream in = response.body()) {
      head = in.readNBytes(props.maxResponseBytes() + 1);
      cut = head.length > props.maxResponseBytes();
    }
    String text = new String(head, 0, Math.min(head.length, props.maxResponseBytes()), StandardCharsets.UTF_8);
    if (cut) {
      text += "\n[output truncated after " + props.maxResponseBytes() + " bytes]";
    }
    String content = "HTTP " + response.statusCode() + "\n" + text;
    return response.statusCode() >= 400 ? ToolOutcome.error(content) : ToolOutcome.ok(content);
  }

  private URI uri(JsonNode args) {
    Matcher m = PARAM.matcher(endpoint.path());
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      String value = args.path(m.group(1)).asText("");
      if (value.isEmpty()) {
        throw new IllegalArgumentException("Path parameter '" + m.group(1) + "' is required.");
      }
      m.appendReplacement(path, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
    }
    m.appendTail(path);
    StringBuilder query = new StringBuilder();
    args.path("query").properties().forEach(e -> query.append(query.isEmpty() ? "?" : "&")
        .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(e.getValue().asText(), StandardCharsets.UTF_8)));
    String base = api.baseUrl().toString().replaceAll("/+$", "");
    return URI.create(base + path + query);
  }

  private List<String> pathParams() {
    List<String> out = new ArrayList<>();
    Matcher m = PARAM.matcher(endpoint.path());
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private boolean hasBody() {
    return switch (endpoint.method()) {
      case "POST", "PUT", "PATCH" -> true;
      default -> false;
    };
  }
}
