package io.botburrow.runner.sandbox.docker;

import io.botburrow.runner.sandbox.SandboxMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import io.botburrow.runner.sandbox.ExecResult;
import io.botburrow.runner.sandbox.ExecTermination;
import io.botburrow.runner.sandbox.FileEntry;
import io.botburrow.runner.sandbox.Sandbox;
import io.botburrow.runner.sandbox.SandboxFileException;
import io.botburrow.runner.sandbox.SandboxLimits;
import io.botburrow.runner.sandbox.SandboxRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DockerSandboxIT {
  private static final SandboxLimits LIMITS = new SandboxLimits(0.5, 64L << 20, 48, 8L << 20);
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
  private static DockerClient docker;
  private static String runnerId;
  private static DockerSandboxes sandboxes;
  private static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();

  @BeforeAll
  static void startEngine() {
    docker = DockerTestSupport.dockerOrSkip();
    DockerTestSupport.requireImage(docker, DockerTestSupport.BUSYBOX, "busybox");
    runnerId = DockerTestSupport.uniqueRunnerId("sandbox-it");
    sandboxes = new DockerSandboxes(docker, DockerSandboxConfig.defaults(runnerId), Clock.systemUTC(),
        new SandboxMetrics(REGISTRY));
  }

  @AfterAll
  static void removeLeftovers() {
    if (docker != null) {
      DockerTestSupport.removeAllOf(docker, runnerId);
    }
  }

  private static Sandbox acquire() {
    return sandboxes.acquire(new SandboxRequest("act-" + System.nanoTime(), "it-agent", DockerTestSupport.BUSYBOX,
        LIMITS, Instant.now().plusSeconds(600)));
  }

  @Test
  void limitsAndHardeningReadBackFromDockerInspect() {
    try (Sandbox sandbox = acquire()) {
      InspectContainerResponse inspect = docker.inspectContainerCmd(sandbox.id()).exec();
      var host = inspect.getHostConfig();
      assertThat(host.getMemory()).isEqualTo(64L << 20);
      assertThat(host.getMemorySwap()).isEqualTo(64L << 20);
      assertThat(host.getNanoCPUs()).isEqualTo(500_000_000L);
      assertThat(host.getPidsLimit()).isEqualTo(48L);
      assertThat(host.getReadonlyRootfs()).isTrue();
      assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
      assertThat(host.getSecurityOpts()).containsExactly("no-new-privileges:true");
      assertThat(host.getNetworkMode()).isEqualTo("none");
      assertThat(host.getInit()).isTrue();
      assertThat(host.getTmpFs()).containsKey("/tmp");
      assertThat(host.getTmpFs().get("/tmp")).contains("size=" + (8L << 20));
      assertThat(inspect.getConfig().getUser()).isEqualTo("1000:1000");
      assertThat(inspect.getConfig().getLabels())
          .containsEntry("io.botburrow.managed", "true")
          .containsEntry("io.botburrow.runner", runnerId)
          .containsEntry("io.botburrow.agent", "it-agent")
          .containsEntry("io.botburrow.activation", sandbox.request().activationId())
          .containsKey("io.botburrow.expires-at");
      assertThat(inspect.getMounts()).anySatisfy(mount -> {
        assertThat(mount.getName()).isEqualTo(sandbox.workspaceId());
        assertThat(mount.getDestination().getPath()).isEqualTo("/workspace");
      });
    }
  }

  @Test
  void runsCommandsAsTheNonRootUserInTheWorkspace() {
    try (Sandbox sandbox = acquire()) {
      ExecResult result = sandbox.shell("id -u; pwd; echo oops >&2; exit 3", TEN_SECONDS, 4096);
      assertThat(result.stdout()).isEqualTo("1000\n/workspace\n");
      assertThat(result.stderr()).isEqualTo("oops\n");
      assertThat(result.exitCode()).isEqualTo(3);
      assertThat(result.termination()).isEqualTo(ExecTermination.EXITED);
    }
  }

  /**
   * Prints {@code channel} when the command descends from the stdio command loop, {@code exec} when
   * not. The bracket keeps the pattern from matching the probe's own command line.
   */
  private static final String ROUTE = "p=$$; while [ \"$p\" -gt 1 ]; do"
      + " tr '\\0' ' ' < /proc/$p/cmdline | grep -q 'sandbox-command[s]' && { echo channel; exit 0; };"
      + " p=$(sed -n 's/^PPid:[[:space:]]*//p' /proc/$p/status); done; echo exec";

  @Test
  void commandsRunOverTheStdioChannelAndOneWhileItIsBusyRunsThroughExec() throws Exception {
    try (Sandbox sandbox = acquire()) {
      assertThat(sandbox.shell(ROUTE, TEN_SECONDS, 4096).stdout()).isEqualTo("channel\n");

      var slow = java.util.concurrent.CompletableFuture.supplyAsync(
          () -> sandbox.shell("touch busy; sleep 3; echo slow", TEN_SECONDS, 4096));
      org.awaitility.Awaitility.await().atMost(TEN_SECONDS).until(() -> sandbox.listFiles(".", 1).stream()
          .anyMatch(entry -> entry.path().equals("/workspace/busy")));
      ExecResult meanwhile = sandbox.shell(ROUTE + "; id -u; pwd", TEN_SECONDS, 4096);
      assertThat(meanwhile.stdout()).isEqualTo("exec\n1000\n/workspace\n");
      assertThat(slow.get(10, java.util.concurrent.TimeUnit.SECONDS).stdout()).isEqualTo("slow\n");
      assertThat(sandbox.shell(ROUTE, TEN_SECONDS, 4096).stdout()).isEqualTo("channel\n");
    }
  }

  @Test
  void withTheChannelSwitchedOffEveryCommandRunsThroughExec() {
    try (DockerSandboxes execOnly = new DockerSandboxes(docker,
        DockerSandboxConfig.defaults(runnerId).withStdioCommands(false), Clock.systemUTC(), new SandboxMetrics(REGISTRY));
        Sandbox sandbox = execOnly.acquire(new SandboxRequest("act-" + System.nanoTime(), "it-agent",
            DockerTestSupport.BUSYBOX, LIMITS, Instant.now().plusSeconds(600)))) {
      assertThat(sandbox.shell(ROUTE, TEN_SECONDS, 4096).stdout()).isEqualTo("exec\n");
      assertThat(docker.inspectContainerCmd(sandbox.id()).exec().getConfig().getCmd()).containsExactly("sleep", "2147483647");
    }
  }

  @Test
  void rootFilesystemIsReadOnlyAndTheWorkspaceIsSizeCapped() {
    try (Sandbox sandbox = acquire()) {
      assertThat(sandbox.shell("touch /etc/x", TEN_SECONDS, 4096).stderr()).contains("Read-only file system");
      assertThat(sandbox.shell("touch /tmp/x && echo ok", TEN_SECONDS, 4096).stdout()).isEqualTo("ok\n");
      ExecResult fill = sandbox.shell("dd if=/dev/zero of=/workspace/big bs=1M count=20", TEN_SECONDS, 4096);
      assertThat(fill.exitCode()).isNotZero();
      assertThat(fill.stderr()).contains("No space left on device");
    }
  }

  @Test
  void capsOutputAndSaysWhereItWasCut() {
    try (Sandbox sandbox = acquire()) {
      ExecResult result = sandbox.shell("yes | head -c 100000", TEN_SECONDS, 1000);
      assertThat(result.truncated()).isTrue();
      assertThat(result.stdout()).endsWith("[output truncated after 1000 bytes]").hasSizeLessThan(1100);
    }
  }

  @Test
  void killsACommandAtItsTimeout() {
    try (Sandbox sandbox = acquire()) {
      long started = System.nanoTime();
      ExecResult result = sandbox.shell("echo started; sleep 30", Duration.ofSeconds(1), 4096);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
      assertThat(result.termination()).isEqualTo(ExecTermination.TIMED_OUT);
      assertThat(result.stdout()).isEqualTo("started\n");
    }
  }

  @Test
  void aForkBombStopsAtThePidsLimitAndIsReported() {
    try (Sandbox sandbox = acquire()) {
      ExecResult result = sandbox.shell("f(){ f | f & }; f; sleep 2", Duration.ofSeconds(5), 4096);
      assertThat(result.pidsExhausted()).isTrue();
      assertThat(result.termination()).isEqualTo(ExecTermination.PIDS_EXHAUSTED);
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(sandbox.shell("echo alive", TEN_SECONDS, 4096).stdout()).isEqualTo("alive\n"));
    }
  }

  @Test
  void aMemoryHogIsOomKilledAndReportedAsOom() {
    try (Sandbox sandbox = acquire()) {
      ExecResult result = sandbox.shell("head -c 200000000 /dev/zero | tail -c 150000000 > /dev/null",
          Duration.ofSeconds(30), 4096);
      assertThat(result.oomKilled()).isTrue();
      assertThat(result.termination()).isEqualTo(ExecTermination.OOM_KILLED);
      assertThat(REGISTRY.get("botburrow.sandbox.oom.kills").counter().count()).isGreaterThanOrEqualTo(1);
      assertThat(sandbox.shell("echo alive", TEN_SECONDS, 4096).stdout()).isEqualTo("alive\n");
    }
  }

  @Test
  void aNetworkConnectionFromTheSandboxFails() {
    try (Sandbox sandbox = acquire()) {
      assertThat(sandbox.shell("ls /sys/class/net", TEN_SECONDS, 4096).stdout()).isEqualTo("lo\n");
      ExecResult result = sandbox.shell("wget -q -T 3 -O - http://172.17.0.1:2375/ || nc -w 3 1.1.1.1 53 </dev/null",
          TEN_SECONDS, 4096);
      assertThat(result.exitCode()).isNotZero();
      assertThat(result.stderr()).containsIgnoringCase("unreachable");
    }
  }

  @Test
  void workspaceFilesRoundTripAndStayInsideTheWorkspace() {
    try (Sandbox sandbox = acquire()) {
      sandbox.writeFile("notes/todo.txt", "buy milk\n".getBytes(StandardCharsets.UTF_8));
      assertThat(new String(sandbox.readFile("/workspace/notes/todo.txt", 1024), StandardCharsets.UTF_8))
          .isEqualTo("buy milk\n");
      assertThat(sandbox.readFile("notes/todo.txt", 3)).hasSize(3);
      assertThat(sandbox.shell("stat -c %u notes/todo.txt; cat notes/todo.txt", TEN_SECONDS, 4096).stdout())
          .isEqualTo("1000\nbuy milk\n");
      assertThat(sandbox.listFiles(".", 3)).containsExactly(
          new FileEntry("/workspace/notes", true, 0), new FileEntry("/workspace/notes/todo.txt", false, 9));
      assertThatThrownBy(() -> sandbox.readFile("../etc/passwd", 100)).isInstanceOf(SandboxFileException.class);
      assertThatThrownBy(() -> sandbox.readFile("missing.txt", 100))
          .isInstanceOf(SandboxFileException.class).hasMessageContaining("not a file");
    }
  }

  @Test
  void closeRemovesTheContainerAndItsWorkspace() {
    Sandbox sandbox = acquire();
    sandbox.close();
    sandbox.close();
    assertThatThrownBy(() -> docker.inspectContainerCmd(sandbox.id()).exec()).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> docker.inspectVolumeCmd(sandbox.workspaceId()).exec()).isInstanceOf(NotFoundException.class);
  }
}
