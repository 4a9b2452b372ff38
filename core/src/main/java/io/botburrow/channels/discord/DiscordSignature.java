package io.botburrow.channels.discord;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/**
 * Discord's interaction signing: {@code X-Signature-Ed25519} is the hex Ed25519 signature of
 * {@code X-Signature-Timestamp} followed by the raw body, checked with the application's public key
 * (hex, 32 bytes) and the JDK's Ed25519. Pure apart from the JDK provider.
 */
public final class DiscordSignature {
  public static final String SIGNATURE = "X-Signature-Ed25519";
  public static final String TIMESTAMP = "X-Signature-Timestamp";
  // DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410); the raw 32-byte key follows
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
  private final PublicKey key;

  /** @throws IllegalArgumentException when {@code publicKeyHex} is not 32 bytes of hex */
  public DiscordSignature(String publicKeyHex) {
    byte[] raw;
    try {
      raw = HexFormat.of().parseHex(publicKeyHex.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("botburrow.channels.discord.public-key must be hex");
    }
    if (raw.length != 32) {
      throw new IllegalArgumentException("botburrow.channels.discord.public-key must be 32 bytes (64 hex digits)");
    }
    byte[] der = new byte[X509_PREFIX.length + raw.length];
    System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
    System.arraycopy(raw, 0, der, X509_PREFIX.length, raw.length);
    try {
      key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("botburrow.channels.discord.public-key is not an Ed25519 key", e);
    }
  }

  /** Whether Discord signed {@code timestamp + body}; false for any malformed header. */
  public boolean verify(String timestamp, String signatureHex, byte[] body) {
    if (timestamp == null || signatureHex == null) {
      return false;
    }
    try {
      byte[] signature = HexFormat.of().parseHex(signatureHex.trim());
      if (signature.length != 64) {
        return false;
      }
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(timestamp.getBytes(StandardCharsets.UTF_8));
      verifier.update(body);
      return verifier.verify(signature);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return false;
    }
  }

  /** The raw 32-byte hex form of an Ed25519 public key the JDK generated (tests, fakes). */
  public static String rawHex(PublicKey publicKey) {
    byte[] der = publicKey.getEncoded();
    return HexFormat.of().formatHex(der, der.length - 32, der.length);
  }
}
