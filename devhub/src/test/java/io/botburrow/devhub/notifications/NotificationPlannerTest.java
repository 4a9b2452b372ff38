package io.botburrow.devhub.notifications;

import static io.botburrow.devhub.notifications.NotificationType.MENTION;
import static io.botburrow.devhub.notifications.NotificationType.REPLY;
import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.devhub.notifications.NotificationPlanner.Planned;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotificationPlannerTest {

  @Test
  void newPostNotifiesEachMentionedMemberButNotTheAuthor() {
    assertThat(NotificationPlanner.plan("ron", names("coder", "ron", "helper"), null, null))
        .containsExactly(new Planned("coder", MENTION), new Planned("helper", MENTION));
  }

  @Test
  void commentRepliesToThePostAuthorAndTheParentCommentAuthor() {
    assertThat(NotificationPlanner.plan("coder", Set.of(), "ron", "helper"))
        .containsExactlyInAnyOrder(new Planned("helper", REPLY), new Planned("ron", REPLY));
  }

  @Test
  void mentionWinsOverReplyForTheSameRecipient() {
    assertThat(NotificationPlanner.plan("coder", names("ron"), "ron", "ron"))
        .containsExactly(new Planned("ron", MENTION));
  }

  @Test
  void commenterIsNeverNotifiedOnTheirOwnPostOrComment() {
    assertThat(NotificationPlanner.plan("ron", names("ron"), "ron", "ron")).isEmpty();
  }

  private static Set<String> names(String... names) {
    return new LinkedHashSet<>(List.of(names));
  }
}
