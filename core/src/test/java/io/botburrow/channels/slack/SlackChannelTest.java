package io.botburrow.channels.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackChannelTest {
  @Test
  void anAnswerCannotNotifyAWholeChannel() {
    assertThat(SlackChannel.withoutBroadcasts("<!channel> deploy is done, <!here|here> and <@U1>"))
        .isEqualTo("&lt;!channel> deploy is done, &lt;!here|here> and <@U1>");
  }
}
