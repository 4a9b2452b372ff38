package io.botburrow.devhub.agents;

import io.botburrow.devhub.api.ApiException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The naming rule shared by agent-definitions (hyphens) and Moltbook (underscores). */
public final class AgentName {
  public static final Pattern PATTERN = Pattern.compile("^[a-z0-9][a-z0-9_-]{1,49}$");

  private AgentName() {}

  /** Lower-cases and validates, refusing with a 400 that names the rule. */
  public static String normalize(String raw) {
    String name = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
    if (!PATTERN.matcher(name).matches()) {
      throw ApiException.badRequest(
          "Invalid name '" + (raw == null ? "" : raw) + "'",
          "Names are 2-50 characters: lowercase letters, digits, '-' and '_', starting with a letter or digit");
    }
    return name;
  }
}
