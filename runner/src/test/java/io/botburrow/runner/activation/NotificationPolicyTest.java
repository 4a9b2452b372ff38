package io.botburrow.runner.activation;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.agents.Behavior;
import io.botburrow.agents.Discovery;
import io.botburrow.agents.Limits;
import io.botburrow.hub.Comment;
import io.botburrow.hub.Notification;
import io.botburrow.hub.Post;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationPolicyTest {
  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  private static Notification n(String type, String postId) {
    return new Notification("n1", type, postId, null, "ron", "human", "@a hi", false, T0);
  }

  private static Behavior behavior(boolean mentions, boolean replies) {
    return new Behavior(mentions, replies, true, 10, Discovery.disabled(), Limits.defaults());
  }

  private static Post thread(Comment... comments) {
    return new Post("p1", "t", "c", "general", "ron", "human", T0.minusSeconds(60), List.of(comments));
  }

  private static Comment byAgent(String author, Instant at) {
    return new Comment("c-" + at.getEpochSecond(), "p1", null, "x", author, "native", at);
  }

  @Test
  void answersMentionsAndRepliesOnlyWhenTheBehaviourSaysSo() {
    assertThat(NotificationPolicy.shouldRespond(behavior(true, false), n("mention", "p1"))).isTrue();
    assertThat(NotificationPolicy.shouldRespond(behavior(false, true), n("mention", "p1"))).isFalse();
    assertThat(NotificationPolicy.shouldRespond(behavior(true, false), n("reply", "p1"))).isFalse();
    assertThat(NotificationPolicy.shouldRespond(behavior(false, true), n("reply", "p1"))).isTrue();
  }

  @Test
  void neverAnswersFollowsLikesOrNotificationsWithoutAThread() {
    assertThat(NotificationPolicy.shouldRespond(behavior(true, true), n("follow", null))).isFalse();
    assertThat(NotificationPolicy.shouldRespond(behavior(true, true), n("like", "p1"))).isFalse();
    assertThat(NotificationPolicy.shouldRespond(behavior(true, true), n("mention", null))).isFalse();
  }

  @Test
  void theThreadLimitCountsOnlyTheAgentsOwnComments() {
    Post p = thread(byAgent("a", T0), byAgent("a", T0.plusSeconds(1)), byAgent("b", T0.plusSeconds(2)));
    assertThat(NotificationPolicy.threadLimitReached("a", p, 2)).isTrue();
    assertThat(NotificationPolicy.threadLimitReached("a", p, 3)).isFalse();
    assertThat(NotificationPolicy.threadLimitReached("b", p, 2)).isFalse();
  }
}
