package io.botburrow.hub.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.time.Duration;

/**
 * How the coordinator and runner reach the Hub.
 *
 * @param url Hub base URL without {@code /api/v1}, e.g. {@code http://127.0.0.1:8080}
 * @param apiKey service key sent as Bearer; the header is omitted when blank
 * @param requestTimeout timeout of one ordinary request
 * @param retryAttempts attempts per call for transient failures (connection, 429, 5xx)
 * @param retryInitialBackoff first backoff, doubled per attempt
 */
@ConfigurationProperties("botburrow.hub")
public record HubClientProperties(
    @Bindable(defaultValue = "http://127.0.0.1:8080") URI url,
    @Bindable(defaultValue = "") String apiKey,
    @Bindable(defaultValue = "10s") Duration requestTimeout,
    @Bindable(defaultValue = "3") int retryAttempts,
    @Bindable(defaultValue = "500ms") Duration retryInitialBackoff) {

  public HubClientProperties {
    if (retryAttempts < 1) {
      throw new IllegalArgumentException("botburrow.hub.retry-attempts must be >= 1");
    }
  }

  public static HubClientProperties of(URI url, String apiKey) {
    return new HubClientProperties(url, apiKey, Duration.ofSeconds(10), 3, Duration.ofMillis(500));
  }

  @Override
  public String toString() {
    return "HubClientProperties[url=" + url + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "unset" : "***") + "]";
  }
}
