package io.botburrow.agents;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the runtime extension {@code http_tools:}. */
final class HttpToolsParser {
  private HttpToolsParser() {}

  static List<HttpToolSpec> read(YamlReader top) {
    JsonNode list = top.raw("http_tools");
    if (list == null) {
      return List.of();
    }
    if (!list.isArray()) {
      throw top.error(top.path("http_tools"), "must be a list");
    }
    List<HttpToolSpec> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      HttpToolSpec spec = readTool(top.of(top.path("http_tools") + "[" + i + "]", list.get(i)));
      if (!names.add(spec.name())) {
        throw top.error(top.path("http_tools") + "[" + i + "].name", "'" + spec.name() + "' is used twice");
      }
      out.add(spec);
    }
    return out;
  }

  private static HttpToolSpec readTool(YamlReader t) {
    String name = t.string("name");
    String description = t.string("description");
    String base = t.string("base_url");
    if (base == null) {
      throw t.error(t.path("base_url"), "is required");
    }
    URI baseUrl;
    try {
      baseUrl = new URI(base);
    } catch (URISyntaxException e) {
      throw t.error(t.path("base_url"), "'" + base + "' is not a URL");
    }
    if (t.has("headers")) {
      throw t.error(t.path("headers"), "is not allowed: a definition carries no credentials (operators configure them)");
    }
    List<HttpToolSpec.Endpoint> endpoints = new ArrayList<>();
    JsonNode list = t.raw("endpoints");
    if (list != null && !list.isArray()) {
      throw t.error(t.path("endpoints"), "must be a list");
    }
    for (int i = 0; list != null && i < list.size(); i++) {
      YamlReader e = t.of(t.path("endpoints") + "[" + i + "]", list.get(i));
      String method = e.string("method");
      String path = e.string("path");
      String what = e.string("description");
      e.warnUnread();
      endpoints.add(e.build(() -> new HttpToolSpec.Endpoint(method, path, what)));
    }
    t.warnUnread();
    return t.build(() -> new HttpToolSpec(name, description, baseUrl, endpoints));
  }
}
