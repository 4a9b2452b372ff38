package io.botburrow.runner.tools.sandbox;

import io.botburrow.runner.sandbox.Sandbox;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.RedactedTool;
import io.botburrow.secrets.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds the sandbox tools of one activation. */
public final class SandboxTools {
  public static final int DEFAULT_OUTPUT_CAP_BYTES = 16 * 1024;
  public static final int DEFAULT_READ_CAP_BYTES = 64 * 1024;

  private SandboxTools() {}

  /** The tools {@link SandboxToolOffer#decide} allows, bound to {@code sandbox}. */
  public static List<AgentTool> create(Sandbox sandbox, boolean shellEnabled, Set<String> grants, ShellRules rules) {
    return create(sandbox, shellEnabled, grants, rules, Redactor.none());
  }

  /** The same, with the runner's known secrets hidden from every output ({@link RedactedTool}). */
  public static List<AgentTool> create(Sandbox sandbox, boolean shellEnabled, Set<String> grants, ShellRules rules,
      Redactor redactor) {
    List<AgentTool> tools = new ArrayList<>();
    for (SandboxToolKind kind : SandboxToolOffer.decide(shellEnabled, grants)) {
      tools.add(switch (kind) {
        case SHELL -> new ShellTool(sandbox, rules, DEFAULT_OUTPUT_CAP_BYTES);
        case READ_FILE -> new ReadFileTool(sandbox, DEFAULT_READ_CAP_BYTES);
        case LIST_FILES -> new ListFilesTool(sandbox);
        case WRITE_FILE -> new WriteFileTool(sandbox);
      });
    }
    return RedactedTool.wrapAll(tools, redactor);
  }
}
