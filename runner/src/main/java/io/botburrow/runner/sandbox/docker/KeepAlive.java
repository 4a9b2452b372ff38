package io.botburrow.runner.sandbox.docker;

import java.util.List;

/**
 * The container only idles; tools run through exec. {@code sleep infinity} needs GNU coreutils, so
 * images without it (busybox) get a very long sleep instead.
 */
public record KeepAlive(List<String> command) implements ContainerDecorator {
  public static final List<String> SLEEP_FOREVER = List.of("sleep", "infinity");
  public static final List<String> SLEEP_LONG = List.of("sleep", "2147483647");

  public KeepAlive {
    command = List.copyOf(command);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("keep-alive command must not be empty");
    }
  }

  @Override
  public void decorate(ContainerSpec.Builder spec) {
    spec.command(command);
  }
}
