package io.botburrow.runner.mcp.docker;

import io.botburrow.runner.sandbox.SandboxEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.botburrow.runner.mcp.McpCallResult;
import io.botburrow.runner.mcp.McpCredential;
import io.botburrow.runner.mcp.McpException;
import io.botburrow.runner.mcp.McpServerDefinition;
import io.botburrow.runner.mcp.McpSession;
import io.botburrow.runner.mcp.McpToolInfo;
import io.botburrow.runner.mcp.SecretResolver;
import io.botburrow.runner.mcp.SidecarContext;
import io.botburrow.runner.sandbox.Sandbox;
import io.botburrow.runner.sandbox.SandboxLimits;
import io.botburrow.runner.sandbox.SandboxRequest;
import io.botburrow.runner.sandbox.docker.DockerSandboxConfig;
import io.botburrow.runner.sandbox.docker.DockerSandboxes;
import io.botburrow.runner.sandbox.docker.DockerTestSupport;
import io.botburrow.runner.sandbox.docker.NonRootUser;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DockerMcpSidecarsIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String CANARY = "canary-" + UUID.randomUUID();
  private static DockerClient docker;
  private static String runnerId;
  private static DockerSandboxes sandboxes;
  private static DockerMcpSidecars sidecars;

  @BeforeAll
  static void setUp() {
    docker = DockerTestSupport.dockerOrSkip();
    DockerTestSupport.requireImage(docker, DockerTestSupport.BUSYBOX, "busybox");
    runnerId = DockerTestSupport.uniqueRunnerId("mcp-it");
    sandboxes = new DockerSandboxes(docker, DockerSandboxConfig.defaults(runnerId), Clock.systemUTC(), SandboxEvents.NONE);
    SecretResolver secrets = new SecretResolver(Map.of("BOTBURROW_TEST_CANARY", CANARY)::get);
    sidecars = new DockerMcpSidecars(docker, secrets, runnerId, NonRootUser.standard(), TIMEOUT);
  }

  @AfterAll
  static void tearDown() {
    if (docker != null) {
      DockerTestSupport.removeAllOf(docker, runnerId);
    }
  }

  private static Sandbox sandbox(String image) {
    return sandboxes.acquire(new SandboxRequest("act-" + System.nanoTime(), "mcp-agent", image,
        SandboxLimits.defaults(), Instant.now().plusSeconds(600)));
  }

  private static SidecarContext context(Sandbox sandbox) {
    return new SidecarContext(sandbox.request().activationId(), "mcp-agent", Instant.now().plusSeconds(600),
        sandbox.workspaceId());
  }

  @Test
  void theCatalogsGithubAndBraveSidecarsStartWithTheRunnersCredentialAndListTheirTools() {
    DockerTestSupport.requireImage(docker, DockerTestSupport.AGENT_SANDBOX, "agent-sandbox");
    DockerTestSupport.requireImage(docker, "botburrow/mcp-github:latest", "mcp-github");
    DockerTestSupport.requireImage(docker, "botburrow/mcp-brave-search:latest", "mcp-brave-search");
    var catalog = io.botburrow.runner.mcp.McpServerCatalog.builtIn(SandboxLimits.defaults());
    SecretResolver secrets = new SecretResolver(Map.of("GITHUB_PAT", CANARY, "BRAVE_API_KEY", CANARY)::get);
    var withKeys = new DockerMcpSidecars(docker, secrets, runnerId, NonRootUser.standard(), TIMEOUT);
    Map<String, String> expected = Map.of("github", "search_repositories", "brave", "brave_web_search");
    expected.forEach((server, tool) -> {
      try (Sandbox sandbox = sandbox(DockerTestSupport.AGENT_SANDBOX);
          McpSession session = withKeys.open(catalog.server(server).orElseThrow(), context(sandbox))) {
        assertThat(session.tools()).as(server).extracting(McpToolInfo::name).contains(tool);
        // the credential is the sidecar's; the agent's sandbox has none of it
        assertThat(sandbox.shell("env", TIMEOUT, 64 * 1024).stdout()).doesNotContain(CANARY);
      }
    });
  }

  @Test
  void filesystemSidecarSharesTheWorkspaceWithTheRealAgentSandbox() {
    DockerTestSupport.requireImage(docker, DockerTestSupport.AGENT_SANDBOX, "agent-sandbox");
    DockerTestSupport.requireImage(docker, DockerTestSupport.MCP_FILESYSTEM, "mcp-filesystem");
    McpServerDefinition filesystem = new McpServerDefinition("filesystem", DockerTestSupport.MCP_FILESYSTEM,
        List.of(), Map.of(), List.of(), "none", true, SandboxLimits.defaults());
    try (Sandbox sandbox = sandbox(DockerTestSupport.AGENT_SANDBOX);
        McpSession session = sidecars.open(filesystem, context(sandbox))) {
      assertThat(session.tools()).extracting(McpToolInfo::name).contains("write_file", "read_text_file", "list_directory");

      McpCallResult written = session.call("write_file", Map.of("path", "/workspace/from-mcp.txt", "content", "hello from mcp"));
      assertThat(written.isError()).isFalse();
      assertThat(sandbox.shell("cat /workspace/from-mcp.txt", TIMEOUT, 4096).stdout()).isEqualTo("hello from mcp");

      sandbox.writeFile("from-sandbox.txt", "hello from the sandbox".getBytes(StandardCharsets.UTF_8));
      assertThat(session.call("read_text_file", Map.of("path", "/workspace/from-sandbox.txt")).text())
          .isEqualTo("hello from the sandbox");
      assertThat(session.call("read_text_file", Map.of("path", "/etc/passwd")).isError()).isTrue();
    }
  }

  @Test
  void aCanarySecretGivenToASidecarAppearsNowhereInTheSandbox() {
    DockerTestSupport.requireImage(docker, DockerTestSupport.MCP_MEMORY, "mcp-memory");
    McpServerDefinition memory = new McpServerDefinition("memory", DockerTestSupport.MCP_MEMORY, List.of(), Map.of(),
        List.of(McpCredential.fromEnv("CANARY_TOKEN", "BOTBURROW_TEST_CANARY")), "none", true, SandboxLimits.defaults());
    try (Sandbox sandbox = sandbox(DockerTestSupport.BUSYBOX); McpSession session = sidecars.open(memory, context(sandbox))) {
      assertThat(session.tools()).extracting(McpToolInfo::name).contains("create_entities", "read_graph");
      String sidecarId = docker.listContainersCmd()
          .withLabelFilter(Map.of("io.botburrow.activation", sandbox.request().activationId(), "io.botburrow.role", "sidecar"))
          .exec().get(0).getId();
      assertThat(docker.inspectContainerCmd(sidecarId).exec().getConfig().getEnv()).contains("CANARY_TOKEN=" + CANARY);

      // A control string the sandbox does hold proves the search looks where the canary could be.
      String control = "control-" + UUID.randomUUID();
      sandbox.writeFile("control.txt", control.getBytes(StandardCharsets.UTF_8));
      var environment = sandbox.shell("env; cat /proc/*/environ 2>/dev/null | tr '\\0' '\\n'", TIMEOUT, 1 << 20);
      assertThat(environment.stdout()).contains("PATH=").doesNotContain(CANARY).doesNotContain("CANARY_TOKEN");
      // Every readable file except the kernel's views and device nodes (reading /dev/zero never ends).
      String grepAll = "for d in /* /dev/shm; do case \"$d\" in /proc|/sys|/dev) ;;"
          + " *) grep -rl -s -F -e \"$1\" -e \"$2\" \"$d\" ;; esac; done; true";
      var files = sandbox.exec(List.of("sh", "-c", grepAll, "sh", CANARY, control), Duration.ofSeconds(60), 1 << 20);
      assertThat(files.stdout()).isEqualTo("/workspace/control.txt\n");
      String inspected = docker.inspectContainerCmd(sandbox.id()).exec().toString();
      assertThat(inspected).doesNotContain(CANARY);
    }
  }

  @Test
  void aSidecarThatDiesFailsAtOnceAndItsCredentialIsMaskedInTheError() {
    McpServerDefinition broken = new McpServerDefinition("broken", DockerTestSupport.BUSYBOX,
        List.of("sh", "-c", "read line; echo \"cannot serve with $CANARY_TOKEN\" >&2; exit 3"), Map.of(),
        List.of(McpCredential.fromEnv("CANARY_TOKEN", "BOTBURROW_TEST_CANARY")), "none", false, SandboxLimits.defaults());
    SidecarContext context = new SidecarContext("act-broken", "mcp-agent", Instant.now().plusSeconds(600), null);
    long started = System.nanoTime();

    assertThatThrownBy(() -> sidecars.open(broken, context))
        .isInstanceOf(McpException.class)
        .hasMessageContaining("cannot serve with [REDACTED]")
        .message().doesNotContain(CANARY);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    assertThat(docker.listContainersCmd().withShowAll(true)
        .withLabelFilter(Map.of("io.botburrow.activation", "act-broken")).exec()).isEmpty();
  }

  @Test
  void closingTheSessionRemovesTheSidecar() {
    DockerTestSupport.requireImage(docker, DockerTestSupport.MCP_MEMORY, "mcp-memory");
    McpServerDefinition memory = new McpServerDefinition("memory", DockerTestSupport.MCP_MEMORY, List.of(), Map.of(),
        List.of(), "none", false, SandboxLimits.defaults());
    SidecarContext context = new SidecarContext("act-close-" + System.nanoTime(), "mcp-agent",
        Instant.now().plusSeconds(600), null);
    McpSession session = sidecars.open(memory, context);
    String id = docker.listContainersCmd().withLabelFilter(Map.of("io.botburrow.activation", context.activationId()))
        .exec().get(0).getId();
    session.close();
    assertThatThrownBy(() -> docker.inspectContainerCmd(id).exec()).isInstanceOf(NotFoundException.class);
  }
}
