package io.botburrow.agents;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of {@code http_tools:} (runtime extension, and the {@code tools} of type {@code http} of a
 * Rig {@code character.json}): an HTTP API whose endpoints are offered to the model as tools. A
 * definition carries no credential: a base URL with user info, and headers, are refused. The runner
 * calls only hosts the operator allows ({@code botburrow.http-tools.allowed-hosts}).
 *
 * @param name slug naming the API; tools are {@code http_<name>_<n>}
 * @param description what the API is for, shown to the model
 * @param baseUrl absolute {@code http} or {@code https} URL without user info, query or fragment
 * @param endpoints at least one
 */
public record HttpToolSpec(String name, String description, URI baseUrl, List<Endpoint> endpoints) {
  public static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

  /** {@code method} one of {@link #METHODS}; {@code path} absolute, may hold {@code {param}} placeholders. */
  public record Endpoint(String method, String path, String description) {
    public Endpoint {
      method = Checks.required("method", method).toUpperCase(Locale.ROOT);
      if (!METHODS.contains(method)) {
        throw new IllegalArgumentException("method: must be one of GET, POST, PUT, PATCH, DELETE, was '" + method + "'");
      }
      if (path == null || !path.startsWith("/") || path.contains("://") || path.contains("..")) {
        throw new IllegalArgumentException("path: must start with / and stay under the base URL, was '" + path + "'");
      }
      description = description == null ? "" : description;
    }
  }

  public HttpToolSpec {
    Checks.matches("name", Checks.required("name", name), Checks.SLUG);
    description = description == null ? "" : description;
    Objects.requireNonNull(baseUrl, "base_url: is required");
    String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!baseUrl.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
      throw new IllegalArgumentException("base_url: must be an absolute http(s) URL, was '" + baseUrl + "'");
    }
    if (baseUrl.getRawUserInfo() != null || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      throw new IllegalArgumentException("base_url: must carry no credentials, query or fragment");
    }
    endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException("endpoints: at least one is required");
    }
  }

  /** The host the operator must allow, lower case. */
  public String host() {
    return baseUrl.getHost().toLowerCase(Locale.ROOT);
  }
}
