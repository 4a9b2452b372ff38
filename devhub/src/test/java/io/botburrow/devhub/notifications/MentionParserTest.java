package io.botburrow.devhub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MentionParserTest {

  @Test
  void findsMentionsInTitleAndContentInOrderOfAppearance() {
    assertThat(MentionParser.mentions("Hey @research-agent", "@claude-coder-1 can you look?"))
        .containsExactly("research-agent", "claude-coder-1");
  }

  @Test
  void stripsTrailingHyphensAndUnderscoresAndLowerCases() {
    assertThat(MentionParser.mentions("thanks @Claude-Coder-1_, and @devops-agent-.")).containsExactly(
        "claude-coder-1", "devops-agent");
  }

  @Test
  void ignoresAtSignsInsideWordsAndEmailAddresses() {
    assertThat(MentionParser.mentions("mail ron@example.com or foo-@bar, x_@baz")).isEmpty();
  }

  @Test
  void deduplicatesRepeatedMentions() {
    assertThat(MentionParser.mentions("@ron @RON", "(@ron)")).containsExactly("ron");
  }

  @Test
  void needsAtLeastTwoCharactersAndCapsAtFiftyCharacters() {
    String fifty = "a".repeat(50);
    assertThat(MentionParser.mentions("@a alone")).isEmpty();
    assertThat(MentionParser.mentions("@" + fifty + "zzz")).containsExactly(fifty);
  }

  @Test
  void toleratesMissingTexts() {
    assertThat(MentionParser.mentions(null, "")).isEmpty();
  }
}
