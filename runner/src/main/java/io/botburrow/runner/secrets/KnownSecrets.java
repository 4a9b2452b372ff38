package io.botburrow.runner.secrets;

import io.botburrow.runner.mcp.McpCredential;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which values of the runner's configuration are secrets, for the {@link io.botburrow.secrets.Redactor}.
 * Pure apart from reading credential files. A value counts when:
 *
 * <ul>
 *   <li>its property's last segment names a secret (access key ids do not: they name an account) ({@code botburrow.s3.secret-key}, {@code
 *       botburrow.hub.api-key}, {@code botburrow.operator.key}, {@code ...password}, {@code ...token});
 *       names of variables ({@code ...-env}, {@code ...-envs}) and credential specs do not count;
 *   <li>it is the password of a URL in the configuration ({@code redis://:pw@host});
 *   <li>its environment variable's name looks like a secret ({@code *_KEY}, {@code *_TOKEN}, {@code
 *       *SECRET*}, {@code *PASSWORD*}, {@code *_PAT}, {@code *CREDENTIALS}), or the runner hands it out:
 *       a provider key variable of an allowed endpoint, an MCP credential's variable or file.
 * </ul>
 */
public final class KnownSecrets {
  private static final Pattern SECRET_PROPERTY =
      Pattern.compile("(?i)(.*[-_.])?(key|secret|token|password|passwd|credentials?)$");
  private static final Pattern SECRET_VARIABLE =
      Pattern.compile("(?i).*(_KEY|_TOKEN|SECRET.*|PASSWORD.*|PASSWD|_PAT|CREDENTIALS?)$");

  /**
   * An access key id names an account, like a user name; it is not a secret (its secret key is), and a
   * short one such as the development {@code botburrow} would blank out ordinary words in every log line.
   */
  private static final Pattern ACCESS_KEY_ID = Pattern.compile("(?i)(?!.*secret).*access[-_.]?key([-_.]?id)?$");

  private KnownSecrets() {}

  /**
   * @param properties the runner's configuration, flattened ({@code botburrow.s3.secret-key} → value)
   * @param env the runner's environment variables
   * @param handedOut variables whose value the runner sends somewhere (provider keys)
   * @param credentials every MCP credential of the catalog
   */
  public static Set<String> collect(Map<String, String> properties, Map<String, String> env, Collection<String> handedOut,
      List<McpCredential> credentials) {
    Set<String> values = new LinkedHashSet<>();
    properties.forEach((key, value) -> {
      if (isSecretProperty(key)) {
        values.add(value);
      }
      passwordOf(value).ifPresent(values::add);
    });
    env.forEach((name, value) -> {
      if (SECRET_VARIABLE.matcher(name).matches() && !ACCESS_KEY_ID.matcher(name).matches()) {
        values.add(value);
      }
    });
    handedOut.forEach(name -> values.add(env.get(name)));
    for (McpCredential credential : credentials) {
      values.add(credential.runnerEnv() != null ? env.get(credential.runnerEnv()) : readFile(credential.file()));
    }
    values.removeIf(v -> v == null || v.isBlank());
    return values;
  }

  static boolean isSecretProperty(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    if (lower.startsWith("botburrow.mcp.credentials.") || lower.endsWith("-env") || lower.endsWith("-envs")
        || ACCESS_KEY_ID.matcher(lower).matches()) {
      return false;
    }
    return SECRET_PROPERTY.matcher(lower).matches();
  }

  static java.util.Optional<String> passwordOf(String value) {
    if (value == null || !value.contains("://") || !value.contains("@")) {
      return java.util.Optional.empty();
    }
    try {
      String userInfo = URI.create(value.strip()).getUserInfo();
      int colon = userInfo == null ? -1 : userInfo.indexOf(':');
      return colon < 0 ? java.util.Optional.empty() : java.util.Optional.of(userInfo.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  private static String readFile(String file) {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
