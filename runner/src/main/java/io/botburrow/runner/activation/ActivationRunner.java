package io.botburrow.runner.activation;

import io.botburrow.activation.Activation;

/** Runs one claimed activation to its ending; never throws. */
@FunctionalInterface
public interface ActivationRunner {
  /** Runs {@code a}; effects that must happen once are made only while {@code control} holds the lease. Blocks. */
  ActivationOutcome handle(Activation a, ActivationControl control);
}
