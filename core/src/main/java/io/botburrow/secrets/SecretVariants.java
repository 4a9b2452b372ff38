package io.botburrow.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The forms a secret can take in text: as is, JSON-escaped, hex (lower and upper case) and base64
 * (standard and URL-safe, with and without padding). Pure.
 *
 * <p>Base64 also yields the part of the encoding that does not depend on the secret's neighbours,
 * for each of the three byte alignments it can have inside a longer encoded blob ({@code
 * base64("user:" + secret)}, a basic-auth header): whatever surrounds the secret, that core appears.
 */
final class SecretVariants {
  private static final HexFormat HEX = HexFormat.of();

  private SecretVariants() {}

  /** Every form of {@code secret} at least {@code minLength} characters long. */
  static Set<String> of(String secret, int minLength) {
    Set<String> forms = new LinkedHashSet<>();
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    forms.add(secret);
    forms.add(jsonEscaped(secret));
    forms.add(HEX.formatHex(bytes));
    forms.add(HEX.withUpperCase().formatHex(bytes));
    for (Base64.Encoder encoder : new Base64.Encoder[] {Base64.getEncoder(), Base64.getUrlEncoder()}) {
      forms.add(encoder.encodeToString(bytes));
      forms.add(encoder.withoutPadding().encodeToString(bytes));
      for (int offset = 0; offset < 3; offset++) {
        forms.add(alignedCore(encoder.withoutPadding(), bytes, offset));
      }
    }
    forms.removeIf(form -> form.length() < minLength);
    return forms;
  }

  /**
   * The base64 characters that only {@code bytes} determine when they start {@code offset} bytes
   * after a 3-byte boundary: characters mixing in a neighbour's bits are dropped at both ends.
   */
  static String alignedCore(Base64.Encoder unpadded, byte[] bytes, int offset) {
    byte[] shifted = new byte[offset + bytes.length];
    System.arraycopy(bytes, 0, shifted, offset, bytes.length);
    String encoded = unpadded.encodeToString(shifted);
    int first = (offset * 8 + 5) / 6;
    int end = (shifted.length * 8) / 6;
    return first >= end ? "" : encoded.substring(first, end);
  }

  static String jsonEscaped(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
