package io.botburrow.coordinator.webhooks;

import java.util.Optional;

/** Looks up the value of a named secret variable; the environment by default. Never logged. */
@FunctionalInterface
public interface SecretSource {
  Optional<String> lookup(String variable);

  static SecretSource environment() {
    return variable -> Optional.ofNullable(System.getenv(variable)).filter(value -> !value.isEmpty());
  }
}
