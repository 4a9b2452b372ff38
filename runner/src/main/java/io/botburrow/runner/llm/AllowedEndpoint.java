package io.botburrow.runner.llm;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * An endpoint agents may use, as the operator configured it.
 *
 * @param name how the operator calls it
 * @param provider wire format: {@code openai}, {@code anthropic} or {@code gemini}
 * @param url base URL
 * @param keyEnvs the runner variables whose value may be sent there, the default first; may be empty
 */
public record AllowedEndpoint(String name, String provider, URI url, List<String> keyEnvs) {
  public AllowedEndpoint {
    Objects.requireNonNull(name, "name");
    if (!"openai".equals(provider) && !"anthropic".equals(provider) && !"gemini".equals(provider)) {
      throw new IllegalArgumentException("botburrow.llm.endpoints." + name + ".provider must be openai, anthropic or gemini, was " + provider);
    }
    Objects.requireNonNull(url, "botburrow.llm.endpoints." + name + ".url");
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("botburrow.llm.endpoints." + name + ".url must be http(s): " + url);
    }
    keyEnvs = keyEnvs == null ? List.of() : List.copyOf(keyEnvs);
  }

  /** The same endpoint whatever trailing slash or case of scheme and host. */
  boolean serves(URI candidate) {
    return normalize(url).equals(normalize(candidate));
  }

  static String normalize(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    String user = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return scheme + "://" + user + host + ":" + port + path + query;
  }

  @Override
  public String toString() {
    return "AllowedEndpoint[" + name + " " + provider + " " + url + " keys=" + keyEnvs + "]";
  }
}
