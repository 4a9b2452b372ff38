package io.botburrow.runner.activation;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.hub.HubException;
import io.botburrow.queue.QueueUnavailableException;
import org.junit.jupiter.api.Test;

/** Which errors of a delivery's notifications were the platform's, not the agent's. */
class NotificationTallyTest {

  @Test
  void redisOutOfReachAnywhereInTheCauseAndARefusedReplyAreRedisErrors() {
    NotificationTally tally = new NotificationTally();
    tally.countAnswer();
    tally.error("n1: not marked read", new HubException("claim failed", 0,
        new IllegalStateException("wrapped", new QueueUnavailableException("connection refused", null))));
    tally.replyNotOwned("n2: lease lost");

    NotificationWork.Result r = tally.result();
    assertThat(r.errors()).containsExactly("n1: not marked read", "n2: lease lost");
    assertThat(r.redisErrors()).isEqualTo(2);
    assertThat(r.hubErrors()).isZero();
    assertThat(r.redisOnly()).isTrue();
    assertThat(r.summary()).isEqualTo("answered 1 notification(s)");
  }

  @Test
  void onlyAHubOutOfReachOrAnswering5xxCountsAsTheHubs() {
    NotificationTally tally = new NotificationTally();
    tally.countExplanation();
    tally.error("n1: 503", new HubException("unavailable", 503, null));
    tally.error("n2: redis", new QueueUnavailableException("failover", null));
    assertThat(tally.result().platformOnlyWithHub()).isTrue();

    tally.error("n3: 403", new HubException("forbidden", 403, null));
    NotificationWork.Result r = tally.result();
    assertThat(r.hubErrors()).isEqualTo(1);
    assertThat(r.platformOnlyWithHub()).isFalse();
    assertThat(r.redisOnly()).isFalse();
    assertThat(r.summary()).isEqualTo("answered 0 notification(s), explained 1");
  }
}
