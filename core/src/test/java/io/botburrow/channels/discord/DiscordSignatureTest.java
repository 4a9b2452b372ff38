package io.botburrow.channels.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DiscordSignatureTest {
  private final KeyPair keys = generate();
  private final DiscordSignature verifier = new DiscordSignature(DiscordSignature.rawHex(keys.getPublic()));
  private final byte[] body = "{\"type\":1}".getBytes(StandardCharsets.UTF_8);

  static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String sign(KeyPair keys, String timestamp, byte[] body) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(keys.getPrivate());
      s.update(timestamp.getBytes(StandardCharsets.UTF_8));
      s.update(body);
      return HexFormat.of().formatHex(s.sign());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aRequestSignedWithTheApplicationsKeyIsDiscords() {
    assertThat(verifier.verify("1767000000", sign(keys, "1767000000", body), body)).isTrue();
  }

  @Test
  void anotherKeyAChangedBodyOrTimestampIsRefused() {
    String good = sign(keys, "1767000000", body);

    assertThat(verifier.verify("1767000000", sign(generate(), "1767000000", body), body)).isFalse();
    assertThat(verifier.verify("1767000001", good, body)).isFalse();
    assertThat(verifier.verify("1767000000", good, "{\"type\":2}".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(verifier.verify("1767000000", "zz", body)).isFalse();
    assertThat(verifier.verify(null, good, body)).isFalse();
  }

  @Test
  void aPublicKeyThatIsNotThirtyTwoBytesOfHexIsAConfigurationError() {
    assertThatThrownBy(() -> new DiscordSignature("abcd")).hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> new DiscordSignature("not hex")).hasMessageContaining("hex");
  }

  @Test
  void aMistypedPublicKeyInTheOperatorsConfigurationIsRefusedNamingTheProperty() {
    assertThatThrownBy(() -> new DiscordProperties("not-a-key", null, null, null, true, 0, null, null, null))
        .hasMessageContaining("botburrow.channels.discord.public-key");
  }
}
