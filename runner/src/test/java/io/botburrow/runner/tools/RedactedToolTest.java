package io.botburrow.runner.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.llm.ToolSpec;
import io.botburrow.runner.mcp.McpCallResult;
import io.botburrow.runner.mcp.McpException;
import io.botburrow.runner.mcp.McpSession;
import io.botburrow.runner.mcp.McpToolInfo;
import io.botburrow.runner.tools.mcp.McpTools;
import io.botburrow.secrets.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What the model reads from sandbox and MCP tools never holds a secret the runner knows. */
class RedactedToolTest {
  private static final String CANARY = "canary-9b7e4f2a1c0d";
  private static final Redactor REDACTOR = Redactor.of(List.of(CANARY));
  private static final String BASE64 = Base64.getEncoder().encodeToString(CANARY.getBytes(StandardCharsets.UTF_8));
  private static final String HEX = HexFormat.of().formatHex(CANARY.getBytes(StandardCharsets.UTF_8));

  /** An MCP server answering every call with what {@code answer} makes of the tool name. */
  private record Server(Function<String, McpCallResult> answer) implements McpSession {
    @Override
    public String server() {
      return "leaky";
    }

    @Override
    public List<McpToolInfo> tools() {
      return List.of(new McpToolInfo("get_env", "prints the environment", Map.of("type", "object")));
    }

    @Override
    public McpCallResult call(String tool, Map<String, Object> arguments) {
      return answer.apply(tool);
    }

    @Override
    public void close() {}
  }

  private static AgentTool mcpTool(Function<String, McpCallResult> answer) {
    return McpTools.offered(List.of(new Server(answer)), Set.of("leaky:read"), REDACTOR).get(0);
  }

  @Test
  void anMcpToolEchoingItsCredentialShowsTheModelNoneOfItsForms() {
    AgentTool tool = mcpTool(name -> new McpCallResult(
        "{\"CANARY_TOKEN\": \"" + CANARY + "\", \"b64\": \"" + BASE64 + "\", \"hex\": \"" + HEX.toUpperCase() + "\"}", false));

    ToolOutcome outcome = tool.invoke("{}");

    assertThat(outcome.content()).isEqualTo("{\"CANARY_TOKEN\": \"[REDACTED]\", \"b64\": \"[REDACTED]\", \"hex\": \"[REDACTED]\"}");
    assertThat(tool.spec().name()).isEqualTo("leaky__get_env");
  }

  @Test
  void aSecretCutByTheOutputCapIsHiddenToo() {
    String padding = "x".repeat(McpTools.DEFAULT_OUTPUT_CAP_CHARS - 10);
    AgentTool tool = mcpTool(name -> new McpCallResult(padding + CANARY, false));

    String content = tool.invoke("{}").content();

    assertThat(content).endsWith("[REDACTED]\n[output truncated after " + McpTools.DEFAULT_OUTPUT_CAP_CHARS + " characters]")
        .doesNotContain(CANARY.substring(0, 10));
  }

  @Test
  void aServerErrorQuotingTheSecretReachesTheActivationRedacted() {
    AgentTool tool = mcpTool(name -> {
      throw new McpException("MCP server leaky failed on get_env: token " + CANARY + " rejected", true, null);
    });

    assertThatThrownBy(() -> tool.invoke("{}")).isInstanceOfSatisfying(McpException.class, e -> {
      assertThat(e.getMessage()).isEqualTo("MCP server leaky failed on get_env: token [REDACTED] rejected");
      assertThat(e.retryable()).isTrue();
      assertThat(e.getCause()).isNull();
    });
  }

  @Test
  void withoutSecretsTheToolsAreTheOriginals() {
    AgentTool plain = new AgentTool() {
      @Override
      public ToolSpec spec() {
        return new ToolSpec("t", "d", Map.of());
      }

      @Override
      public ToolOutcome invoke(String argumentsJson) {
        return ToolOutcome.ok(CANARY);
      }
    };
    assertThat(RedactedTool.wrap(plain, Redactor.none())).isSameAs(plain);
    assertThat(RedactedTool.wrap(plain, REDACTOR).invoke("{}").content()).isEqualTo("[REDACTED]");
  }

}
