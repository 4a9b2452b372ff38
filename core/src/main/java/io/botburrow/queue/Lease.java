package io.botburrow.queue;

import io.botburrow.activation.Activation;
import java.time.Instant;
import java.util.Objects;

/**
 * A claimed activation. The claim holds while the lease is renewed before {@code expiresAt}.
 *
 * @param activation the claimed work (its attempt counts this delivery)
 * @param runnerId the runner instance that holds the lease
 * @param expiresAt when the lease lapses unless renewed
 */
public record Lease(Activation activation, String runnerId, Instant expiresAt) {
  public Lease {
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(runnerId, "runnerId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public Lease renewedUntil(Instant newExpiry) {
    return new Lease(activation, runnerId, newExpiry);
  }
}
