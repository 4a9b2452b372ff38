package io.botburrow.runner.sandbox.docker;

import java.util.Objects;

/** The container's network: {@code none} (loopback only) unless a sidecar definition asks for more. */
public record NetworkMode(String mode) implements ContainerDecorator {
  public static final String NONE = "none";

  public NetworkMode {
    Objects.requireNonNull(mode, "mode");
    if (mode.isBlank()) {
      throw new IllegalArgumentException("network mode must not be blank");
    }
  }

  public static NetworkMode none() {
    return new NetworkMode(NONE);
  }

  @Override
  public void decorate(ContainerSpec.Builder spec) {
    spec.networkMode(mode);
  }
}
