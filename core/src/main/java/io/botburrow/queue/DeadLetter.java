package io.botburrow.queue;

import io.botburrow.activation.Activation;
import java.time.Instant;
import java.util.Objects;

/**
 * An activation that used up its attempts.
 *
 * @param activation the activation as last delivered
 * @param lastError the error of the last attempt
 * @param deadAt when it was dead-lettered
 */
public record DeadLetter(Activation activation, String lastError, Instant deadAt) {
  public DeadLetter {
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(deadAt, "deadAt");
    lastError = lastError == null ? "" : lastError;
  }
}
