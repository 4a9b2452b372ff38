package io.botburrow.runner.tools.mcp;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which tools of an MCP server an agent's {@code capabilities.grants} allow. Pure. The rule:
 *
 * <ul>
 *   <li>no grant starting with {@code <server>:} → none of the server's tools;
 *   <li>{@code <server>:write} (or {@code :admin}, {@code :all}) → all of them;
 *   <li>any other {@code <server>:...} grant ({@code read}, {@code search}) → only tools whose name
 *       does not suggest a change: a word of the name (split at {@code _}, {@code -}, {@code .} and
 *       camel case) is one of {@link #WRITE_WORDS}.
 * </ul>
 */
public final class McpToolGrants {
  static final Set<String> WRITE_WORDS = Set.of("write", "edit", "create", "delete", "remove", "move", "rename",
      "update", "add", "set", "put", "post", "push", "upload", "insert", "merge", "commit", "fork", "close",
      "comment", "reply", "send", "publish", "save", "patch", "drop", "append", "clear", "reset", "modify");
  private static final Set<String> FULL_ACCESS = Set.of("write", "admin", "all");
  private static final Pattern WORD_BREAK = Pattern.compile("[_\\-.\\s]+|(?<=[a-z0-9])(?=[A-Z])");

  private McpToolGrants() {}

  public static boolean allows(Set<String> grants, String server, String tool) {
    String prefix = server + ":";
    boolean any = false;
    for (String grant : grants) {
      if (grant.startsWith(prefix)) {
        any = true;
        String permission = grant.substring(grant.lastIndexOf(':') + 1);
        if (FULL_ACCESS.contains(permission)) {
          return true;
        }
      }
    }
    return any && !suggestsWriting(tool);
  }

  static boolean suggestsWriting(String tool) {
    for (String word : WORD_BREAK.split(tool)) {
      if (WRITE_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
