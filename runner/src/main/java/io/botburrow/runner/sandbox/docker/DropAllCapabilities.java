package io.botburrow.runner.sandbox.docker;

/** No Linux capabilities at all: no chown, no raw sockets, no mount, no ptrace. */
public record DropAllCapabilities() implements ContainerDecorator {
  @Override
  public void decorate(ContainerSpec.Builder spec) {
    spec.capDrop("ALL");
  }
}
