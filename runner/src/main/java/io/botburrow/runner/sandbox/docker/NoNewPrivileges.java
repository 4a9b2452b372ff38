package io.botburrow.runner.sandbox.docker;

/** setuid binaries and file capabilities cannot raise privileges inside the container. */
public record NoNewPrivileges() implements ContainerDecorator {
  @Override
  public void decorate(ContainerSpec.Builder spec) {
    spec.securityOpt("no-new-privileges:true");
  }
}
