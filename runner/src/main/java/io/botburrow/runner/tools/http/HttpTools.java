package io.botburrow.runner.tools.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.activation.Activation;
import io.botburrow.agents.AgentConfig;
import io.botburrow.agents.HttpToolSpec;
import io.botburrow.runner.tools.ActivationTools;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.RedactedTool;
import io.botburrow.secrets.Redactor;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers each endpoint of an agent's {@code http_tools:} as a tool, named
 * {@code <api>_<method>_<path>}, when the operator allows the API's host; the output passes the
 * runner's {@link Redactor} before the model reads it.
 */
public final class HttpTools implements ActivationTools {
  private static final Logger LOG = LoggerFactory.getLogger(HttpTools.class);
  private final HttpToolProperties props;
  private final ObjectMapper json;
  private final Redactor redactor;
  private final HttpClient http;

  public HttpTools(HttpToolProperties props, ObjectMapper json, Redactor redactor) {
    this.props = props;
    this.json = json;
    this.redactor = redactor;
    this.http = HttpClient.newBuilder().connectTimeout(props.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public List<AgentTool> offered(Activation activation, AgentConfig config, Instant deadline) {
    List<AgentTool> tools = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (HttpToolSpec api : config.httpTools()) {
      if (!props.allows(api.host())) {
        LOG.warn("Agent(name={}) HTTP tool {} not offered: host {} is not in botburrow.http-tools.allowed-hosts",
            config.name(), api.name(), api.host());
        continue;
      }
      for (HttpToolSpec.Endpoint endpoint : api.endpoints()) {
        String name = unique(toolName(api, endpoint), names);
        tools.add(RedactedTool.wrap(new HttpEndpointTool(api, endpoint, name, http, props, json), redactor));
      }
    }
    return tools;
  }

  /** {@code event-store}, {@code GET /api/queue} → {@code event-store_get_api_queue}, at most 64 characters. */
  static String toolName(HttpToolSpec api, HttpToolSpec.Endpoint endpoint) {
    String path = endpoint.path().replaceAll("[{}]", "").replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
    String name = api.name() + "_" + endpoint.method().toLowerCase(Locale.ROOT) + (path.isEmpty() ? "" : "_" + path);
    return name.length() <= 60 ? name : name.substring(0, 60);
  }

  private static String unique(String name, Set<String> taken) {
    String candidate = name;
    for (int i = 2; !taken.add(candidate); i++) {
      candidate = name + "_" + i;
    }
    return candidate;
  }
}
