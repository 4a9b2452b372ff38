package io.botburrow.runner.sandbox.docker;

import io.botburrow.runner.sandbox.SandboxEvents;
import io.botburrow.runner.sandbox.SandboxMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import io.botburrow.runner.sandbox.Sandbox;
import io.botburrow.runner.sandbox.SandboxLimits;
import io.botburrow.runner.sandbox.SandboxRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WarmPoolIT {
  private DockerClient docker;
  private String runnerId;
  private DockerSandboxes sandboxes;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void setUp() {
    docker = DockerTestSupport.dockerOrSkip();
    DockerTestSupport.requireImage(docker, DockerTestSupport.BUSYBOX, "busybox");
    runnerId = DockerTestSupport.uniqueRunnerId("pool-it");
    SandboxEvents events = new SandboxMetrics(registry);
    sandboxes = new DockerSandboxes(docker,
        DockerSandboxConfig.defaults(runnerId).withWarmPool(Map.of(DockerTestSupport.BUSYBOX, 2)),
        Clock.systemUTC(), events);
  }

  @AfterEach
  void tearDown() {
    if (sandboxes != null) {
      sandboxes.close();
      DockerTestSupport.removeAllOf(docker, runnerId);
    }
  }

  private Sandbox acquire(SandboxLimits limits) {
    return sandboxes.acquire(new SandboxRequest("act-" + System.nanoTime(), "agent", DockerTestSupport.BUSYBOX,
        limits, Instant.now().plusSeconds(600)));
  }

  @Test
  void handsOutDistinctWarmContainersOnceAndRefills() {
    sandboxes.start();
    await().atMost(Duration.ofSeconds(60)).until(() -> sandboxes.idleCount(DockerTestSupport.BUSYBOX) == 2);

    List<Sandbox> taken = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      taken.add(acquire(SandboxLimits.defaults()));
    }

    assertThat(taken).extracting(Sandbox::id).doesNotHaveDuplicates();
    assertThat(taken).extracting(Sandbox::workspaceId).doesNotHaveDuplicates();
    assertThat(registry.get("botburrow.sandbox.pool.hits").counter().count()).isEqualTo(2);
    assertThat(registry.get("botburrow.sandbox.pool.misses").counter().count()).isEqualTo(1);
    assertThat(registry.get("botburrow.sandbox.start").tag("mode", "warm").timer().count()).isEqualTo(2);
    taken.get(0).writeFile("mine.txt", "first".getBytes(StandardCharsets.UTF_8));
    assertThat(taken.get(1).listFiles(".", 1)).isEmpty();
    taken.forEach(Sandbox::close);
    await().atMost(Duration.ofSeconds(60)).until(() -> sandboxes.idleCount(DockerTestSupport.BUSYBOX) == 2);
    assertThat(sandboxes.inUse()).hasSize(4);
    assertThat(registry.get("botburrow.sandbox.pool.size").tag("image", DockerTestSupport.BUSYBOX).gauge().value())
        .isEqualTo(2);
  }

  @Test
  void requestsWithOtherLimitsGetAColdContainer() {
    sandboxes.start();
    await().atMost(Duration.ofSeconds(60)).until(() -> sandboxes.idleCount(DockerTestSupport.BUSYBOX) == 2);

    try (Sandbox sandbox = acquire(new SandboxLimits(0.25, 32L << 20, 16, 4L << 20))) {
      assertThat(registry.get("botburrow.sandbox.pool.misses").counter().count()).isEqualTo(1);
      assertThat(registry.get("botburrow.sandbox.pool.hits").counter().count()).isZero();
      assertThat(docker.inspectContainerCmd(sandbox.id()).exec().getHostConfig().getMemory()).isEqualTo(32L << 20);
    }
  }

  @Test
  void closingThePoolRemovesIdleContainers() {
    sandboxes.start();
    await().atMost(Duration.ofSeconds(60)).until(() -> sandboxes.idleCount(DockerTestSupport.BUSYBOX) == 2);
    sandboxes.close();
    assertThat(docker.listContainersCmd().withShowAll(true)
        .withLabelFilter(Map.of(ManagedLabels.RUNNER, runnerId)).exec()).isEmpty();
  }
}
