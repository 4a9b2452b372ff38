package io.botburrow.runner.sandbox.docker;

/** One hardening or configuration step applied to a container spec before it is created. */
@FunctionalInterface
public interface ContainerDecorator {
  void decorate(ContainerSpec.Builder spec);
}
