package io.botburrow.runner.sandbox.docker;

/** Caps processes plus threads, so a fork bomb fails inside the sandbox instead of on the host. */
public record PidsLimit(long pids) implements ContainerDecorator {
  public PidsLimit {
    if (pids <= 0) {
      throw new IllegalArgumentException("pids must be > 0, was " + pids);
    }
  }

  @Override
  public void decorate(ContainerSpec.Builder spec) {
    spec.pidsLimit(pids);
  }
}
