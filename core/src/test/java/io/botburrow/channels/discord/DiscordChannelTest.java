package io.botburrow.channels.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiscordChannelTest {
  @Test
  void aShortAnswerIsOnePart() {
    assertThat(DiscordChannel.parts("Two deploys today.")).containsExactly("Two deploys today.");
  }

  @Test
  void aLongAnswerIsCutIntoPartsDiscordTakesAtLineEnds() {
    String line = "x".repeat(99) + "\n";
    String text = line.repeat(45);

    List<String> parts = DiscordChannel.parts(text);

    assertThat(parts).hasSize(3).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(DiscordChannel.MAX_CONTENT));
    assertThat(String.join("\n", parts).replace("\n", "")).isEqualTo(text.replace("\n", ""));
    assertThat(parts.getFirst()).endsWith("x");
  }

  @Test
  void aLongLineWithoutBreaksIsCutAtTheLimit() {
    List<String> parts = DiscordChannel.parts("y".repeat(4500));

    assertThat(parts).extracting(String::length).containsExactly(2000, 2000, 500);
  }

  @Test
  void theNonceIsAShortDigestOfTheKey() {
    assertThat(DiscordChannel.nonce("task:t-1")).hasSize(24).isEqualTo(DiscordChannel.nonce("task:t-1"))
        .isNotEqualTo(DiscordChannel.nonce("task:t-2"));
  }
}
