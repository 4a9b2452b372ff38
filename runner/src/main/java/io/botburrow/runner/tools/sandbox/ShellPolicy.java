package io.botburrow.runner.tools.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a shell command may run. Pure. The rules, kept simple on purpose:
 *
 * <ol>
 *   <li>a command containing a blocked pattern (plain substring) is refused;
 *   <li>with an allowlist, the command is cut into segments at {@code ; & | && || ( )} and new lines
 *       (outside quotes), and the first word of every segment, after {@code NAME=value} assignments,
 *       must be exactly an allowed command;
 *   <li>with an allowlist, command substitution ({@code $(...)}, backticks) is refused outright,
 *       since it would run a command no segment names.
 * </ol>
 *
 * The sandbox (no network, no secrets, limits) is the real boundary; this policy keeps an agent
 * within what its operator intended.
 */
public final class ShellPolicy {
  private final ShellRules rules;

  public ShellPolicy(ShellRules rules) {
    this.rules = rules;
  }

  /** Why the command is refused, or empty when it may run. */
  public Optional<String> refusal(String command) {
    if (command == null || command.isBlank()) {
      return Optional.of("command is empty");
    }
    for (String pattern : rules.blockedPatterns()) {
      if (!pattern.isEmpty() && command.contains(pattern)) {
        return Optional.of("command contains blocked pattern '" + pattern + "'");
      }
    }
    if (rules.allowedCommands().isEmpty()) {
      return Optional.empty();
    }
    List<String> segments = new ArrayList<>();
    if (!split(command, segments)) {
      return Optional.of("command substitution is not allowed; allowed commands: " + rules.allowedCommands());
    }
    for (String segment : segments) {
      String first = firstWord(segment);
      if (first != null && !rules.allowedCommands().contains(first)) {
        return Optional.of("'" + first + "' is not an allowed command; allowed: " + rules.allowedCommands());
      }
    }
    return Optional.empty();
  }

  /** Splits at control operators outside quotes; false when it finds command substitution. */
  static boolean split(String command, List<String> segments) {
    StringBuilder current = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (quote != '\'' && (c == '`' || (c == '$' && i + 1 < command.length() && command.charAt(i + 1) == '('))) {
        return false;
      }
      if (quote == 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (quote != 0 && c == quote) {
        quote = 0;
      } else if (quote == 0 && c == '\\' && i + 1 < command.length()) {
        current.append(c).append(command.charAt(++i));
        continue;
      } else if (quote == 0 && ";&|()\n".indexOf(c) >= 0 && !isRedirection(command, i)) {
        segments.add(current.toString());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    segments.add(current.toString());
    return true;
  }

  /** {@code 2>&1}, {@code >&2}, {@code &>file}: an ampersand that is part of a redirection. */
  private static boolean isRedirection(String command, int i) {
    if (command.charAt(i) != '&') {
      return false;
    }
    char before = i > 0 ? command.charAt(i - 1) : ' ';
    char after = i + 1 < command.length() ? command.charAt(i + 1) : ' ';
    return before == '>' || before == '<' || after == '>';
  }

  /** The command word: the first word that is not an assignment or a redirection, unquoted. */
  static String firstWord(String segment) {
    for (String word : segment.strip().split("\\s+")) {
      if (word.isEmpty() || word.matches("[A-Za-z_][A-Za-z0-9_]*=.*") || word.matches("\\d*[<>].*")) {
        continue;
      }
      return word.replace("\"", "").replace("'", "");
    }
    return null;
  }
}
