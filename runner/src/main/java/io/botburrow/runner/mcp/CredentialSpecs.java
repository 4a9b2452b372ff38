package io.botburrow.runner.mcp;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the runner's credential settings for one MCP server, e.g.
 * {@code botburrow.mcp.credentials.github=GITHUB_PERSONAL_ACCESS_TOKEN=env:GITHUB_PAT}, or several
 * separated by commas, each {@code SIDECAR_VAR=env:RUNNER_VAR} or {@code SIDECAR_VAR=file:/mounted/path}.
 */
public final class CredentialSpecs {
  private CredentialSpecs() {}

  public static List<McpCredential> parse(String server, String spec) {
    List<McpCredential> out = new ArrayList<>();
    for (String item : spec.split(",")) {
      String trimmed = item.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      int eq = trimmed.indexOf('=');
      String source = eq < 0 ? "" : trimmed.substring(eq + 1);
      if (source.startsWith("env:")) {
        out.add(McpCredential.fromEnv(trimmed.substring(0, eq), source.substring(4)));
      } else if (source.startsWith("file:")) {
        out.add(McpCredential.fromFile(trimmed.substring(0, eq), source.substring(5)));
      } else {
        // never echo the value: it may be a secret pasted in by mistake
        String name = eq < 0 ? "(entry without '=')" : trimmed.substring(0, eq);
        throw new IllegalArgumentException("botburrow.mcp.credentials." + server + ": " + name
            + " must be given as SIDECAR_VAR=env:RUNNER_VAR or SIDECAR_VAR=file:/path");
      }
    }
    return out;
  }

  /** {@code server}'s definition with {@code extra} credentials added. */
  public static McpServerDefinition withCredentials(McpServerDefinition d, List<McpCredential> extra) {
    List<McpCredential> all = new ArrayList<>(d.credentials());
    all.addAll(extra);
    return new McpServerDefinition(d.name(), d.image(), d.command(), d.env(), all, d.network(), d.mountsWorkspace(), d.limits());
  }
}
