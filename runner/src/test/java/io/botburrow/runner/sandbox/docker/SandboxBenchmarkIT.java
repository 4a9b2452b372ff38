package io.botburrow.runner.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxBenchmarkIT {

  @Test
  void printsTheThreeMediansInTheDocumentedFormatAndLeavesNothingBehind() throws Exception {
    DockerClient docker = DockerTestSupport.dockerOrSkip();
    DockerTestSupport.requireImage(docker, DockerTestSupport.BUSYBOX, "busybox");

    SandboxBenchmark.Result result = new SandboxBenchmark(docker, DockerTestSupport.BUSYBOX, 3).run();

    assertThat(result.line()).matches("sandbox-ready: warm p50 \\d+ ms, cold p50 \\d+ ms, docker-run baseline p50 \\d+ ms");
    assertThat(result.warmP50()).isPositive().isLessThan(result.coldP50());
    assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(ManagedLabels.ROLE, "pool")).exec())
        .noneMatch(container -> container.getLabels().get(ManagedLabels.RUNNER).startsWith("bench-"));
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(SandboxBenchmark.median(List.of(5L, 1L, 3L))).isEqualTo(3);
    assertThat(SandboxBenchmark.median(List.of(4L, 1L, 3L, 10L))).isEqualTo(3);
  }
}
