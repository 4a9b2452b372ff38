package io.botburrow.runner.activation;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.hub.Comment;
import io.botburrow.hub.Notification;
import io.botburrow.hub.Post;
import io.botburrow.queue.memory.InMemoryEffectLedger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyLedgerTest {
  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  private final ReplyLedger ledger = new ReplyLedger(new InMemoryEffectLedger(clock), clock);
  private final Notification n = new Notification("n1", "mention", "p1", null, "ron", "human", "@a hi", false, T0.minusSeconds(30));

  private static Post thread(Comment... comments) {
    return new Post("p1", "t", "c", "general", "ron", "human", T0.minusSeconds(60), List.of(comments));
  }

  private static Comment comment(String author, Instant at) {
    return new Comment("c1", "p1", null, "x", author, "native", at);
  }

  @Test
  void aNotificationNeverStartedIsNotAnswered() {
    assertThat(ledger.answered("a", n, thread(comment("a", T0.plusSeconds(5))))).isFalse();
  }

  @Test
  void aRecordedAnswerIsRememberedWithoutAskingTheHub() {
    ledger.begin("a", n);
    ledger.done("a", n, "c9");

    assertThat(ledger.answered("a", n, thread())).isTrue();
  }

  @Test
  void aCrashAfterPostingIsDetectedFromTheAgentsCommentSinceTheIntent() {
    ledger.begin("a", n);

    assertThat(ledger.answered("a", n, thread(comment("b", T0.plusSeconds(2))))).isFalse();
    assertThat(ledger.answered("a", n, thread(comment("a", T0.minusSeconds(60))))).isFalse();
    assertThat(ledger.answered("a", n, thread(comment("a", T0.plusSeconds(2))))).isTrue();
  }

  @Test
  void anAnswerAnotherDeliveryRecordedAfterThisOneStartedIsSeenBeforePosting() {
    assertThat(ledger.answered("a", n, thread())).isFalse();
    ledger.begin("a", n);
    assertThat(ledger.answeredMeanwhile("a", n)).isFalse();

    ledger.done("a", n, "c7");

    assertThat(ledger.answeredMeanwhile("a", n)).isTrue();
  }
}
