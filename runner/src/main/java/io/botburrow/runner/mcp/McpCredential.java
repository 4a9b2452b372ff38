package io.botburrow.runner.mcp;

import java.util.Objects;

/**
 * A secret handed to one MCP sidecar as an environment variable, read from the runner's own
 * environment or from a file mounted into the runner (a Kubernetes secret volume).
 *
 * @param sidecarEnv the variable name the MCP server expects, e.g. {@code GITHUB_PERSONAL_ACCESS_TOKEN}
 * @param runnerEnv the runner's variable holding it, e.g. {@code GITHUB_PAT}; null when {@code file} is set
 * @param file a file holding it (trailing newline dropped); null when {@code runnerEnv} is set
 */
public record McpCredential(String sidecarEnv, String runnerEnv, String file) {
  public McpCredential {
    Objects.requireNonNull(sidecarEnv, "sidecarEnv");
    if (!sidecarEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("invalid variable name: " + sidecarEnv);
    }
    if ((runnerEnv == null) == (file == null)) {
      throw new IllegalArgumentException("exactly one of runnerEnv and file must be set for " + sidecarEnv);
    }
  }

  public static McpCredential fromEnv(String sidecarEnv, String runnerEnv) {
    return new McpCredential(sidecarEnv, runnerEnv, null);
  }

  public static McpCredential fromFile(String sidecarEnv, String file) {
    return new McpCredential(sidecarEnv, null, file);
  }
}
