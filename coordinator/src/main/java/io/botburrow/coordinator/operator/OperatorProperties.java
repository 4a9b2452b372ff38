package io.botburrow.coordinator.operator;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** @param key admin key of the operator API, sent as {@code Authorization: Bearer} or {@code X-Admin-Key} */
@ConfigurationProperties("botburrow.operator")
public record OperatorProperties(@Bindable(defaultValue = "dev-admin-key") String key) {
  @Override
  public String toString() {
    return "OperatorProperties[key=***]";
  }
}
