package io.botburrow.runner.sandbox.docker;

/** The image's filesystem cannot be changed; writable space is only the size-capped tmpfs mounts. */
public record ReadOnlyRootFs() implements ContainerDecorator {
  @Override
  public void decorate(ContainerSpec.Builder spec) {
    spec.readOnlyRootfs(true);
  }
}
