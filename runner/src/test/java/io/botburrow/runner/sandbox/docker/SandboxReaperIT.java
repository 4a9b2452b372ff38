package io.botburrow.runner.sandbox.docker;

import io.botburrow.runner.sandbox.SandboxEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.botburrow.runner.sandbox.Sandbox;
import io.botburrow.runner.sandbox.SandboxLimits;
import io.botburrow.runner.sandbox.SandboxRequest;
import io.botburrow.runner.sandbox.RunnerLiveness;
import io.botburrow.runners.RunnerObserver;
import io.botburrow.runners.memory.InMemoryRunnerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxReaperIT {
  private DockerClient docker;
  private String deadRunner;
  private String liveRunner;
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @BeforeEach
  void setUp() {
    docker = DockerTestSupport.dockerOrSkip();
    DockerTestSupport.requireImage(docker, DockerTestSupport.BUSYBOX, "busybox");
    deadRunner = DockerTestSupport.uniqueRunnerId("dead-runner");
    liveRunner = DockerTestSupport.uniqueRunnerId("live-runner");
  }

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable closeable : toClose) {
      closeable.close();
    }
    if (docker != null) {
      DockerTestSupport.removeAllOf(docker, deadRunner);
      DockerTestSupport.removeAllOf(docker, liveRunner);
    }
  }

  private Sandbox leaveSandbox(String runnerId, Instant expiresAt) {
    DockerSandboxes sandboxes = new DockerSandboxes(docker, DockerSandboxConfig.defaults(runnerId),
        Clock.systemUTC(), SandboxEvents.NONE);
    toClose.add(sandboxes);
    return sandboxes.acquire(new SandboxRequest("act-" + System.nanoTime(), "agent", DockerTestSupport.BUSYBOX,
        SandboxLimits.defaults(), expiresAt));
  }

  /** Only the two runners of this test count: other runs' containers on the engine are not ours to judge. */
  private SandboxReaper reaperSeeing(String ownRunner, List<String> reaped) {
    OrphanPolicy policy = new OrphanPolicy(ownRunner, runner -> !runner.equals(deadRunner));
    SandboxEvents events = new SandboxEvents() {
      @Override
      public void reaped(String containerId) {
        reaped.add(containerId);
      }
    };
    return new SandboxReaper(docker, policy, id -> false, Clock.systemUTC(), events);
  }

  @Test
  void reapsContainersAndWorkspacesLeftByADeadRunner() {
    Sandbox orphan = leaveSandbox(deadRunner, Instant.now().plusSeconds(600));
    Sandbox live = leaveSandbox(liveRunner, Instant.now().plusSeconds(600));
    List<String> reaped = new ArrayList<>();

    reaperSeeing(liveRunner, reaped).reapOnce();

    assertThat(reaped).contains(orphan.id()).doesNotContain(live.id());
    var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    new SandboxReaper(docker, new OrphanPolicy(liveRunner, runner -> !runner.equals(deadRunner)), id -> false,
        Clock.systemUTC(), new io.botburrow.runner.sandbox.SandboxMetrics(registry)).reapOnce();
    assertThat(registry.get("botburrow.sandbox.reaped").counter().count()).isZero();
    assertThatThrownBy(() -> docker.inspectContainerCmd(orphan.id()).exec()).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> docker.inspectVolumeCmd(orphan.workspaceId()).exec()).isInstanceOf(NotFoundException.class);
    assertThat(docker.inspectContainerCmd(live.id()).exec().getState().getRunning()).isTrue();
    live.close();
  }

  @Test
  void reapsExpiredContainersOfItsOwnRunnerButNotThoseStillInUse() {
    Sandbox expired = leaveSandbox(liveRunner, Instant.now().minusSeconds(1));
    Sandbox inUse = leaveSandbox(liveRunner, Instant.now().minusSeconds(1));
    List<String> reaped = new ArrayList<>();
    OrphanPolicy policy = new OrphanPolicy(liveRunner, runner -> !runner.equals(deadRunner));
    SandboxReaper reaper = new SandboxReaper(docker, policy,
        id -> id.equals(inUse.id()) || id.equals(inUse.workspaceId()), Clock.systemUTC(), SandboxEvents.NONE);

    reaper.reapOnce();

    assertThatThrownBy(() -> docker.inspectContainerCmd(expired.id()).exec()).isInstanceOf(NotFoundException.class);
    assertThat(docker.inspectContainerCmd(inUse.id()).exec().getState().getRunning()).isTrue();
    assertThat(docker.inspectVolumeCmd(inUse.workspaceId()).exec().getName()).isEqualTo(inUse.workspaceId());
    inUse.close();
  }

  @Test
  void aRegistryThatLostEveryHeartbeatMakesNoLiveRunnersContainerAnOrphan() {
    Sandbox orphan = leaveSandbox(deadRunner, Instant.now().plusSeconds(600));
    Sandbox live = leaveSandbox(liveRunner, Instant.now().plusSeconds(600));
    InMemoryRunnerRegistry registry = new InMemoryRunnerRegistry();
    AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    Clock clock = new Clock() {
      @Override
      public Instant instant() {
        return now.get();
      }

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }
    };
    RunnerObserver observer = new RunnerObserver(registry, Duration.ofSeconds(30), clock);
    // only this test's two runners: other runs' containers on the engine are not ours to judge
    RunnerLiveness liveness = runners -> observer.dead(Set.of(deadRunner, liveRunner));
    SandboxReaper reaper = new SandboxReaper(docker, "observer-runner", liveness, id -> false, clock, SandboxEvents.NONE);
    registry.heartbeat(deadRunner, Duration.ofSeconds(1));
    registry.heartbeat(liveRunner, Duration.ofSeconds(1));

    reaper.reapOnce(); // a freshly started reaper: nobody is dead yet
    now.set(now.get().plusSeconds(20));
    registry.heartbeat(liveRunner, Duration.ofSeconds(1));
    registry.loseState(); // Redis restarted without persistence: every heartbeat is gone
    now.set(now.get().plusSeconds(20));
    reaper.reapOnce();
    assertThat(docker.inspectContainerCmd(orphan.id()).exec().getState().getRunning())
        .as("40 s without a beat, but the observer could not have seen beats lost with Redis' state").isTrue();

    // the window starts again with the registry's new generation (the first beat after the loss)
    for (int pass = 0; pass < 3; pass++) {
      registry.heartbeat(liveRunner, Duration.ofSeconds(1));
      now.set(now.get().plusSeconds(20));
      reaper.reapOnce();
    }

    assertThatThrownBy(() -> docker.inspectContainerCmd(orphan.id()).exec()).isInstanceOf(NotFoundException.class);
    assertThat(docker.inspectContainerCmd(live.id()).exec().getState().getRunning()).isTrue();
    live.close();
  }
}
