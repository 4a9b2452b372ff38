package io.botburrow.runner.mcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the secrets one sidecar needs from the runner's environment or mounted files. Messages name
 * the variable or file, never the value.
 */
public final class SecretResolver {
  private final Function<String, String> runnerEnv;

  /** @param runnerEnv the runner's environment lookup, normally {@code System::getenv} */
  public SecretResolver(Function<String, String> runnerEnv) {
    this.runnerEnv = runnerEnv;
  }

  /**
   * @return sidecar variable name → secret value
   * @throws McpException (not retryable) when a secret is missing or empty
   */
  public Map<String, String> resolve(String server, List<McpCredential> credentials) {
    Map<String, String> env = new LinkedHashMap<>();
    for (McpCredential credential : credentials) {
      String value = credential.runnerEnv() != null ? runnerEnv.apply(credential.runnerEnv()) : readFile(credential.file());
      if (value == null || value.isBlank()) {
        String source = credential.runnerEnv() != null ? "runner variable " + credential.runnerEnv() : "file " + credential.file();
        throw new McpException("MCP server " + server + " needs " + credential.sidecarEnv() + " but " + source
            + " is not set", false, null);
      }
      env.put(credential.sidecarEnv(), value);
    }
    return env;
  }

  private static String readFile(String file) {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return null;
    }
  }
}
