package io.botburrow.agents;

import java.util.List;

/**
 * Whether and how the agent may run shell commands.
 *
 * @param enabled false by default
 * @param allowedCommands command names allowed, empty by default
 * @param blockedPatterns substrings that block a command line, empty by default
 * @param timeoutSeconds 1 to 3600, default 120
 */
public record ShellPolicy(boolean enabled, List<String> allowedCommands, List<String> blockedPatterns, int timeoutSeconds) {

  public static final int DEFAULT_TIMEOUT_SECONDS = 120;

  public ShellPolicy {
    allowedCommands = Checks.copy(allowedCommands);
    blockedPatterns = Checks.copy(blockedPatterns);
    Checks.range("timeout_seconds", timeoutSeconds, 1, 3600);
  }

  /** Shell disabled, the default when the block is absent. */
  public static ShellPolicy disabled() {
    return new ShellPolicy(false, List.of(), List.of(), DEFAULT_TIMEOUT_SECONDS);
  }
}
