package io.botburrow.coordinator.operator;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.Optional;

/** @param key admin key of the operator API, sent as {@code Authorization: Bearer} or {@code X-Admin-Key} */
@ConfigurationProperties("botburrow.operator")
public record OperatorProperties(@Bindable(defaultValue = DEFAULT_KEY) String key) {
  /** The well-known key of development mode; anyone who has read the README knows it. */
  public static final String DEFAULT_KEY = "dev-admin-key";
  /** The property that says the coordinator runs in development mode ({@code ./botburrow dev}). */
  public static final String DEV_MODE_PROPERTY = "botburrow.dev-mode";

  /**
   * Why this key must not guard a coordinator, or empty when it may. Outside development mode the
   * default key would open the operator API (requeue, queue contents) to anyone.
   */
  public Optional<String> refusal(boolean devMode) {
    if (key == null || key.isBlank()) {
      return Optional.of("The operator API key is empty: set BOTBURROW_OPERATOR_KEY (property botburrow.operator.key).");
    }
    if (DEFAULT_KEY.equals(key) && !devMode) {
      return Optional.of("The operator API key is the development default '" + DEFAULT_KEY
          + "': set BOTBURROW_OPERATOR_KEY (property botburrow.operator.key) to a secret of your own."
          + " Only ./botburrow dev (" + DEV_MODE_PROPERTY + "=true) may use the default.");
    }
    return Optional.empty();
  }

  public boolean isDefault() {
    return DEFAULT_KEY.equals(key);
  }

  @Override
  public String toString() {
    return "OperatorProperties[key=***]";
  }
}
