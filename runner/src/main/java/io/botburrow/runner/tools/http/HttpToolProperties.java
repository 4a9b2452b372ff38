package io.botburrow.runner.tools.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * HTTP tools ({@code http_tools:} of a definition): which hosts the runner may call for agents, and
 * the limits of each call.
 *
 * @param allowedHosts hosts agents' HTTP tools may call: exact names ({@code api.example.com},
 *     {@code 127.0.0.1}) or {@code *.example.com}; empty (the default) allows none
 * @param timeout connect and whole-request limit of one call
 * @param maxResponseBytes response body bytes shown to the model; the rest is cut
 * @param maxRequestBytes largest request body the model may send
 */
@ConfigurationProperties("botburrow.http-tools")
public record HttpToolProperties(
    @Bindable(defaultValue = "") List<String> allowedHosts,
    @Bindable(defaultValue = "10s") Duration timeout,
    @Bindable(defaultValue = "65536") int maxResponseBytes,
    @Bindable(defaultValue = "16384") int maxRequestBytes) {

  public HttpToolProperties {
    allowedHosts = allowedHosts == null ? List.of()
        : allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
    if (maxResponseBytes < 1 || maxRequestBytes < 1) {
      throw new IllegalArgumentException("botburrow.http-tools size caps must be positive");
    }
  }

  public static HttpToolProperties allowing(String... hosts) {
    return new HttpToolProperties(List.of(hosts), Duration.ofSeconds(10), 65_536, 16_384);
  }

  /** Whether the operator lets agents call {@code host}. */
  public boolean allows(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return allowedHosts.stream().anyMatch(p -> p.equals(h) || (p.startsWith("*.") && h.endsWith(p.substring(1))));
  }
}
