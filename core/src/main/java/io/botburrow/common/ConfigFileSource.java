package io.botburrow.common;

import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.PropertySource;
import java.util.Map;

/**
 * A service's YAML config file as a Micronaut property source, ranked above the built-in {@code
 * application-<role>.yml} defaults and below environment variables: {@code BOTBURROW_HUB_URL}
 * overrides {@code botburrow.hub.url} of the file (as a Kubernetes pod's env overrides its mounted
 * config), and command-line properties given to the context builder override both.
 */
public final class ConfigFileSource {
  /** Environment variables are at {@link EnvironmentPropertySource#POSITION}; a higher order wins. */
  public static final int POSITION = EnvironmentPropertySource.POSITION - 50;

  private ConfigFileSource() {}

  public static PropertySource of(Map<String, Object> properties) {
    return PropertySource.of("config-file", properties, POSITION);
  }
}
