package io.botburrow.runner.tools.sandbox;

import io.botburrow.llm.ToolSpec;
import io.botburrow.runner.sandbox.Sandbox;
import io.botburrow.runner.sandbox.SandboxException;
import io.botburrow.runner.sandbox.WorkspacePath;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.ToolOutcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** {@code write_file}: creates or replaces a workspace file, creating its directories. */
public final class WriteFileTool implements AgentTool {
  public static final String NAME = "write_file";
  private final Sandbox sandbox;

  public WriteFileTool(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public ToolSpec spec() {
    return new ToolSpec(NAME, "Create or replace a text file in /workspace.",
        Map.of("type", "object",
            "properties", Map.of(
                "path", Map.of("type", "string", "description", "path relative to /workspace"),
                "content", Map.of("type", "string", "description", "the complete new content")),
            "required", List.of("path", "content")));
  }

  @Override
  public ToolOutcome invoke(String argumentsJson) {
    try {
      ToolArguments arguments = ToolArguments.parse(argumentsJson);
      String path = arguments.requiredString("path");
      byte[] content = arguments.requiredString("content").getBytes(StandardCharsets.UTF_8);
      sandbox.writeFile(path, content);
      return ToolOutcome.ok("wrote " + content.length + " bytes to " + WorkspacePath.resolve(path));
    } catch (IllegalArgumentException e) {
      return ToolOutcome.error(e.getMessage());
    } catch (SandboxException e) {
      return SandboxToolErrors.outcome(e);
    }
  }
}
