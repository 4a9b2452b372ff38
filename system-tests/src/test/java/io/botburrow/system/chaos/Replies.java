package io.botburrow.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.botburrow.system.chaos.HubUser.Mention;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the person who asked sees: every mention answered by its agent, exactly once. */
final class Replies {
  /**
   * How long no second reply may appear once every mention has its first: past the chaos runners' lease
   * duration, so that a duplicate from a delivery whose lease expired and was redelivered would be seen.
   */
  static final Duration QUIET = ChaosSystem.LEASE_DURATION.plusSeconds(2);

  private Replies() {}

  static void awaitExactlyOneEach(HubUser user, List<Mention> mentions, Duration max) {
    awaitAnswered(user, mentions, max);
    awaitNoSecondReply(user, mentions);
  }

  /** Waits until every mention has a reply. */
  static void awaitAnswered(HubUser user, List<Mention> mentions, Duration max) {
    // the Hub may still be failing (an outage test): keep asking
    await().atMost(max).pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(IllegalStateException.class)
        .untilAsserted(() -> assertThat(unanswered(user, mentions)).as("mentions without a reply").isEmpty());
  }

  /** Watches a quiet while that every mention keeps exactly one reply. */
  static void awaitNoSecondReply(HubUser user, List<Mention> mentions) {
    await().during(QUIET).atMost(QUIET.plusSeconds(10)).pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(counts(user, mentions)).as("replies per mention").allSatisfy((m, n) -> assertThat(n).isEqualTo(1)));
  }

  static List<Mention> unanswered(HubUser user, List<Mention> mentions) {
    return mentions.stream().filter(m -> user.replyCount(m) == 0).toList();
  }

  static Map<Mention, Integer> counts(HubUser user, List<Mention> mentions) {
    return mentions.stream().collect(Collectors.toMap(m -> m, user::replyCount));
  }
}
