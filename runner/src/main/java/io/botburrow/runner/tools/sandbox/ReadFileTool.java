package io.botburrow.runner.tools.sandbox;

import io.botburrow.llm.ToolSpec;
import io.botburrow.runner.sandbox.Sandbox;
import io.botburrow.runner.sandbox.SandboxException;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.ToolOutcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** {@code read_file}: a text file of the workspace, up to a cap. */
public final class ReadFileTool implements AgentTool {
  public static final String NAME = "read_file";
  private final Sandbox sandbox;
  private final int maxBytes;

  public ReadFileTool(Sandbox sandbox, int maxBytes) {
    this.sandbox = sandbox;
    this.maxBytes = maxBytes;
  }

  @Override
  public ToolSpec spec() {
    return new ToolSpec(NAME, "Read a text file from /workspace (at most " + maxBytes + " bytes).",
        Map.of("type", "object",
            "properties", Map.of("path", Map.of("type", "string", "description", "path relative to /workspace")),
            "required", List.of("path")));
  }

  @Override
  public ToolOutcome invoke(String argumentsJson) {
    try {
      String path = ToolArguments.parse(argumentsJson).requiredString("path");
      byte[] content = sandbox.readFile(path, maxBytes + 1);
      String text = new String(content, 0, Math.min(content.length, maxBytes), StandardCharsets.UTF_8);
      return ToolOutcome.ok(content.length > maxBytes ? text + "\n[file truncated after " + maxBytes + " bytes]" : text);
    } catch (IllegalArgumentException e) {
      return ToolOutcome.error(e.getMessage());
    } catch (SandboxException e) {
      return SandboxToolErrors.outcome(e);
    }
  }
}
