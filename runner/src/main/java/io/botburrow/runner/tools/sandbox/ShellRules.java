package io.botburrow.runner.tools.sandbox;

import java.util.List;

/**
 * The agent's {@code capabilities.shell} rules.
 *
 * @param allowedCommands first words allowed in every command segment; empty allows any command
 * @param blockedPatterns substrings (case-sensitive) that refuse a command wherever they appear
 * @param timeoutSeconds how long one command may run
 */
public record ShellRules(List<String> allowedCommands, List<String> blockedPatterns, int timeoutSeconds) {
  public static final int DEFAULT_TIMEOUT_SECONDS = 120;

  public ShellRules {
    allowedCommands = allowedCommands == null ? List.of() : List.copyOf(allowedCommands);
    blockedPatterns = blockedPatterns == null ? List.of() : List.copyOf(blockedPatterns);
    if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
      throw new IllegalArgumentException("timeoutSeconds must be in [1, 3600], was " + timeoutSeconds);
    }
  }
}
