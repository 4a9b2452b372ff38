package io.botburrow.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {
  private static final String SECRET = "sk-live-4f9a1c77e2b";
  private final Redactor redactor = Redactor.of(List.of(SECRET));

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void hidesAPlainSecretAndKeepsTheRestOfTheLine() {
    assertThat(redactor.redact("OPENAI_API_KEY=" + SECRET + " and more"))
        .isEqualTo("OPENAI_API_KEY=[REDACTED] and more");
  }

  @Test
  void hidesEveryOccurrence() {
    assertThat(redactor.redact(SECRET + "," + SECRET + "\n" + SECRET)).isEqualTo("[REDACTED],[REDACTED]\n[REDACTED]");
  }

  @Test
  void hidesStandardBase64WithAndWithoutPadding() {
    String padded = Base64.getEncoder().encodeToString(utf8(SECRET));
    assertThat(padded).endsWith("=");
    assertThat(redactor.redact("token: " + padded + " end")).isEqualTo("token: [REDACTED] end");
    String unpadded = Base64.getEncoder().withoutPadding().encodeToString(utf8(SECRET));
    assertThat(redactor.redact("token: " + unpadded + " end")).isEqualTo("token: [REDACTED] end");
  }

  @Test
  void hidesUrlSafeBase64WithAndWithoutPadding() {
    String secret = "\u00ff\u00fe?>secret-with-url-unsafe-bits~~~";
    Redactor r = Redactor.of(List.of(secret));
    String standard = Base64.getEncoder().encodeToString(utf8(secret));
    String urlSafe = Base64.getUrlEncoder().encodeToString(utf8(secret));
    assertThat(urlSafe).isNotEqualTo(standard).containsAnyOf("-", "_");
    assertThat(r.redact("[" + urlSafe + "]")).isEqualTo("[[REDACTED]]");
    assertThat(r.redact("[" + Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(secret)) + "]"))
        .isEqualTo("[[REDACTED]]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "u:", "us:", "user:", "Basic auth for "})
  void hidesTheSecretInsideALongerBase64Blob(String prefix) {
    String blob = Base64.getEncoder().encodeToString(utf8(prefix + SECRET + "@host"));
    String out = redactor.redact("Authorization: Basic " + blob);
    assertThat(out).contains(Redactor.MARK);
    // what is left of the blob decodes to at most the neighbours and a few bits of the secret
    assertThat(out.replace(Redactor.MARK, "").length()).isLessThan(("Authorization: Basic " + blob).length() - 16);
  }

  @Test
  void hidesHexInLowerAndUpperCase() {
    String lower = HexFormat.of().formatHex(utf8(SECRET));
    String upper = lower.toUpperCase();
    assertThat(redactor.redact("x=" + lower + ";")).isEqualTo("x=[REDACTED];");
    assertThat(redactor.redact("x=" + upper + ";")).isEqualTo("x=[REDACTED];");
  }

  @Test
  void hidesTheJsonEscapedForm() {
    String secret = "pa\"ss\\word-1234";
    assertThat(Redactor.of(List.of(secret)).redact("{\"password\":\"pa\\\"ss\\\\word-1234\"}"))
        .isEqualTo("{\"password\":\"[REDACTED]\"}");
  }

  @Test
  void leavesValuesShorterThanEightCharactersAlone() {
    Redactor r = Redactor.of(List.of("admin", "1234567", "true"));
    assertThat(r.isEmpty()).isTrue();
    assertThat(r.redact("admin said true 1234567")).isEqualTo("admin said true 1234567");
    assertThat(Redactor.of(List.of("12345678")).redact("pin 12345678")).isEqualTo("pin [REDACTED]");
  }

  @Test
  void overlappingSecretsBecomeOneMark() {
    Redactor r = Redactor.of(List.of("abcdefgh-1111", "gh-1111-ijklmnop"));
    assertThat(r.redact("<abcdefgh-1111-ijklmnop>")).isEqualTo("<[REDACTED]>");
  }

  @Test
  void aSecretCutAtTheEndOfTruncatedOutputIsHiddenToo() {
    assertThat(redactor.redact("output: " + SECRET.substring(0, 10))).isEqualTo("output: [REDACTED]");
    assertThat(redactor.redact("output: " + SECRET.substring(0, 5))).isEqualTo("output: " + SECRET.substring(0, 5));
  }

  @Test
  void textWithoutSecretsIsReturnedUnchanged() {
    String text = "nothing to see " + "x".repeat(1000);
    assertThat(redactor.redact(text)).isSameAs(text);
    assertThat(Redactor.none().redact(text)).isSameAs(text);
    assertThat(redactor.redact(null)).isNull();
  }

  @Test
  void combinesTheSecretsOfTwoRedactors() {
    Redactor both = redactor.with(Redactor.of(List.of("ghp_second_secret_value")));
    assertThat(both.redact(SECRET + " ghp_second_secret_value")).isEqualTo("[REDACTED] [REDACTED]");
    assertThat(both.size()).isEqualTo(2);
    assertThat(both.toString()).doesNotContain(SECRET);
  }

  @Test
  void scansAMegabyteWithManySecretsQuickly() {
    List<String> secrets = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      secrets.add("secret-value-number-" + i + "-" + "z".repeat(i));
    }
    Redactor many = Redactor.of(secrets);
    String text = "a".repeat(1 << 20) + secrets.get(49) + "b".repeat(1 << 20);
    long started = System.nanoTime();
    String out = many.redact(text);
    assertThat(out).hasSize(2 * (1 << 20) + Redactor.MARK.length());
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
  }
}
