package io.botburrow.runner.tools.sandbox;

import io.botburrow.llm.ToolSpec;
import io.botburrow.runner.sandbox.FileEntry;
import io.botburrow.runner.sandbox.Sandbox;
import io.botburrow.runner.sandbox.SandboxException;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.ToolOutcome;
import java.util.List;
import java.util.Map;

/** {@code list_files}: a workspace directory, recursively up to a depth. */
public final class ListFilesTool implements AgentTool {
  public static final String NAME = "list_files";
  private static final int DEFAULT_DEPTH = 2;
  private static final int MAX_DEPTH = 8;
  private static final int MAX_ENTRIES = 500;
  private final Sandbox sandbox;

  public ListFilesTool(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public ToolSpec spec() {
    return new ToolSpec(NAME, "List files under a directory of /workspace (directories end with /).",
        Map.of("type", "object", "properties", Map.of(
            "path", Map.of("type", "string", "description", "directory relative to /workspace, default ."),
            "depth", Map.of("type", "integer", "description", "levels to descend, 1-" + MAX_DEPTH + ", default " + DEFAULT_DEPTH))));
  }

  @Override
  public ToolOutcome invoke(String argumentsJson) {
    try {
      ToolArguments arguments = ToolArguments.parse(argumentsJson);
      int depth = Math.clamp(arguments.optionalInt("depth", DEFAULT_DEPTH), 1, MAX_DEPTH);
      List<FileEntry> entries = sandbox.listFiles(arguments.optionalString("path", "."), depth);
      return ToolOutcome.ok(format(entries));
    } catch (IllegalArgumentException e) {
      return ToolOutcome.error(e.getMessage());
    } catch (SandboxException e) {
      return SandboxToolErrors.outcome(e);
    }
  }

  static String format(List<FileEntry> entries) {
    if (entries.isEmpty()) {
      return "(empty)";
    }
    StringBuilder text = new StringBuilder();
    entries.stream().limit(MAX_ENTRIES).forEach(entry -> text.append(entry.path())
        .append(entry.directory() ? "/" : "  (" + entry.sizeBytes() + " bytes)").append('\n'));
    if (entries.size() > MAX_ENTRIES) {
      text.append("[").append(entries.size() - MAX_ENTRIES).append(" more entries not shown]\n");
    }
    return text.toString();
  }
}
