package io.botburrow.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.channels.ChannelSubscription.Respond;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelRoutingTest {
  private final Map<String, List<ChannelSubscription>> subs = Map.of(
      "ops-bot", List.of(new ChannelSubscription(Platform.SLACK, List.of("C1", "C2"), Respond.MENTIONS)),
      "chatty-bot", List.of(new ChannelSubscription(Platform.SLACK, List.of("C3"), Respond.ALL),
          new ChannelSubscription(Platform.DISCORD, List.of("42"), Respond.MENTIONS)),
      "review-bot", List.of(new ChannelSubscription(Platform.SLACK, List.of("C2"), Respond.MENTIONS)));

  @Test
  void aMentionGoesToTheAgentWhoseChannelsNameTheChannel() {
    assertThat(ChannelRouting.route(subs, Platform.SLACK, "C1", true, "status?")).isEqualTo(new ChannelRouting.ToAgent("ops-bot"));
    assertThat(ChannelRouting.route(subs, Platform.DISCORD, "42", true, "hi")).isEqualTo(new ChannelRouting.ToAgent("chatty-bot"));
  }

  @Test
  void aMessageWithoutMentionIsAnsweredOnlyWhereAnAgentRespondsToAll() {
    assertThat(ChannelRouting.route(subs, Platform.SLACK, "C3", false, "anyone?")).isEqualTo(new ChannelRouting.ToAgent("chatty-bot"));
    assertThat(ChannelRouting.route(subs, Platform.SLACK, "C1", false, "just talking")).isInstanceOf(ChannelRouting.Ignored.class);
  }

  @Test
  void aMentionWhereNoAgentListensIsRefusedWithAReply() {
    assertThat(ChannelRouting.route(subs, Platform.SLACK, "C9", true, "hello?"))
        .isInstanceOfSatisfying(ChannelRouting.Refused.class, r -> assertThat(r.reply()).contains("No agent answers in this channel"));
    assertThat(ChannelRouting.route(subs, Platform.DISCORD, "C1", true, "hello?")).isInstanceOf(ChannelRouting.Refused.class);
  }

  @Test
  void whereSeveralAgentsListenTheMessagePicksOneByName() {
    assertThat(ChannelRouting.route(subs, Platform.SLACK, "C2", true, "review-bot: look at PR 7"))
        .isEqualTo(new ChannelRouting.ToAgent("review-bot"));
    assertThat(ChannelRouting.route(subs, Platform.SLACK, "C2", true, "look at PR 7"))
        .isInstanceOfSatisfying(ChannelRouting.Refused.class, r -> assertThat(r.reply()).contains("ops-bot, review-bot"));
  }
}
