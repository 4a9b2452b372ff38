package io.botburrow.runner.sandbox.docker;

import io.botburrow.runner.sandbox.SandboxEvents;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.botburrow.runner.sandbox.ExecResult;
import io.botburrow.runner.sandbox.Sandbox;
import io.botburrow.runner.sandbox.SandboxLimits;
import io.botburrow.runner.sandbox.SandboxRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real agent image under the real hardening: the tools an agent needs still work. */
class AgentSandboxImageIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static DockerClient docker;
  private static String runnerId;
  private static DockerSandboxes sandboxes;

  @BeforeAll
  static void setUp() {
    docker = DockerTestSupport.dockerOrSkip();
    DockerTestSupport.requireImage(docker, DockerTestSupport.AGENT_SANDBOX, "agent-sandbox");
    runnerId = DockerTestSupport.uniqueRunnerId("image-it");
    sandboxes = new DockerSandboxes(docker, DockerSandboxConfig.defaults(runnerId), Clock.systemUTC(),
        SandboxEvents.NONE);
  }

  @AfterAll
  static void tearDown() {
    if (docker != null) {
      DockerTestSupport.removeAllOf(docker, runnerId);
    }
  }

  @Test
  void pythonAndGitWorkInTheWorkspaceAsTheSandboxUser() {
    try (Sandbox sandbox = sandboxes.acquire(new SandboxRequest("act-image", "coder", DockerTestSupport.AGENT_SANDBOX,
        SandboxLimits.defaults(), Instant.now().plusSeconds(600)))) {
      ExecResult result = sandbox.shell(
          "whoami && python3 -c 'print(6*7)' && git init -q repo && cd repo && echo hi > f"
              + " && git -c user.email=a@b -c user.name=a add f && git -c user.email=a@b -c user.name=a commit -qm one"
              + " && git log --oneline | wc -l",
          TIMEOUT, 4096);
      assertThat(result.stderr()).isEmpty();
      assertThat(result.stdout()).isEqualTo("sandbox\n42\n1\n");
      assertThat(sandbox.listFiles(".", 1)).extracting(entry -> entry.path()).contains("/workspace/repo");
    }
  }
}
