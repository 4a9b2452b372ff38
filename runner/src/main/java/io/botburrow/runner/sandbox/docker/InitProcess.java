package io.botburrow.runner.sandbox.docker;

/**
 * Docker's init as PID 1: reaps zombies left by tools and forwards signals, so the container stops
 * at once (a shell or node as PID 1 ignores SIGTERM).
 */
public record InitProcess() implements ContainerDecorator {
  @Override
  public void decorate(ContainerSpec.Builder spec) {
    spec.init(true);
  }
}
