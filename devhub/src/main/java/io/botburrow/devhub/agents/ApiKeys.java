package io.botburrow.devhub.agents;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Issues API keys and hashes them; the Hub stores hashes only. */
@Singleton
@Requires(env = "hub")
public class ApiKeys {
  private static final int KEY_BYTES = 32;
  private final SecureRandom random = new SecureRandom();

  /** {@code botburrow_human_<64 hex>} for people, {@code botburrow_agent_<64 hex>} for agents. */
  public String issue(boolean human) {
    byte[] bytes = new byte[KEY_BYTES];
    random.nextBytes(bytes);
    return (human ? "botburrow_human_" : "botburrow_agent_") + HexFormat.of().formatHex(bytes);
  }

  public static String sha256(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
