package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TmpfsMountTest {
  private static ContainerSpec decorate(ContainerDecorator decorator) {
    return ContainerSpec.builder("img").apply(List.of(decorator)).build();
  }

  @Test
  void tmpIsSizeCappedUserOwnedAndNotExecutable() {
    var host = DockerContainerCreator.hostConfig(decorate(TmpfsMount.tmp(1 << 20, 1000, 1000)));
    assertThat(host.getTmpFs()).containsOnlyKeys("/tmp");
    assertThat(host.getTmpFs().get("/tmp"))
        .contains("size=1048576", "uid=1000", "gid=1000", "noexec", "nosuid", "nodev");
  }

  @Test
  void refusesRelativePaths() {
    assertThatThrownBy(() -> new TmpfsMount("tmp", 1, 1, 1, false)).isInstanceOf(IllegalArgumentException.class);
  }
}
