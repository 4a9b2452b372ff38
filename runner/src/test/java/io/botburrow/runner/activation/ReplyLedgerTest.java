package io.botburrow.runner.activation;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.hub.Comment;
import io.botburrow.hub.Notification;
import io.botburrow.hub.Post;
import io.botburrow.queue.EffectLedger;
import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.queue.memory.InMemoryEffectLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyLedgerTest {
  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  private final ReplyLedger ledger = new ReplyLedger(new InMemoryEffectLedger(clock));
  private final Notification inPost = new Notification("n1", "mention", "p1", null, "ron", "human", "@a hi", false, T0.minusSeconds(30));
  private final Notification inComment = new Notification("n2", "mention", "p1", "c1", "ron", "human", "@a hi", false, T0.minusSeconds(30));

  private static Post thread(Comment... comments) {
    return new Post("p1", "t", "c", "general", "ron", "human", T0.minusSeconds(60), List.of(comments));
  }

  private static Comment comment(String id, String parent, String author, Instant at) {
    return new Comment(id, "p1", parent, "x", author, "native", at);
  }

  @Test
  void theAgentsReplyInTheThreadIsFoundWhenNothingWasRecorded() {
    Post thread = thread(comment("c1", null, "ron", T0.minusSeconds(30)), comment("c9", "c1", "a", T0.plusSeconds(5)));

    assertThat(ledger.recorded("a", inComment)).isFalse();
    assertThat(ReplyLedger.replyInThread("a", inComment, thread)).map(Comment::id).contains("c9");
  }

  @Test
  void aReplyToAMentionInACommentIsAChildOfThatComment() {
    Post thread = thread(
        comment("c1", null, "ron", T0.minusSeconds(30)),
        comment("c2", null, "ron", T0.minusSeconds(20)),
        comment("c3", "c2", "a", T0.plusSeconds(5)),
        comment("c4", null, "a", T0.plusSeconds(6)),
        comment("c5", "c1", "b", T0.plusSeconds(7)));

    assertThat(ReplyLedger.replyInThread("a", inComment, thread)).isEmpty();
  }

  @Test
  void aReplyToAMentionInThePostIsATopLevelCommentOfTheAgentAfterTheNotification() {
    assertThat(ReplyLedger.replyInThread("a", inPost, thread(comment("c1", null, "a", T0.minusSeconds(120))))).isEmpty();
    assertThat(ReplyLedger.replyInThread("a", inPost, thread(comment("c1", null, "b", T0.plusSeconds(2))))).isEmpty();
    assertThat(ReplyLedger.replyInThread("a", inPost, thread(comment("c1", "c0", "a", T0.plusSeconds(2))))).isEmpty();
    assertThat(ReplyLedger.replyInThread("a", inPost, thread(comment("c1", null, "a", T0.plusSeconds(2)))))
        .map(Comment::id).contains("c1");
  }

  @Test
  void aRecordedReplyIsKnownWithoutReadingTheThread() {
    ledger.done("a", inPost, "c9");

    assertThat(ledger.recorded("a", inPost)).isTrue();
    assertThat(ledger.recorded("a", inComment)).isFalse();
  }

  @Test
  void onlyOneDeliveryClaimsTheReply() {
    assertThat(ledger.claim("a", inPost, "act-1", 1)).isTrue();
    assertThat(ledger.claim("a", inPost, "act-1", 1)).isTrue();

    assertThat(ledger.claim("a", inPost, "act-2", 1)).isFalse();
    assertThat(ledger.claim("a", inPost, "act-2", 5)).isFalse();
  }

  @Test
  void aLaterAttemptOfTheSameActivationTakesOverAClaimLeftBehindButNeverTheOtherWayRound() {
    assertThat(ledger.claim("a", inPost, "act-1", 1)).isTrue();

    assertThat(ledger.claim("a", inPost, "act-1", 2)).isTrue();
    assertThat(ledger.claim("a", inPost, "act-1", 1)).isFalse();
    assertThat(ledger.claim("a", inPost, "act-1", 3)).isTrue();
  }

  @Test
  void aDeliveryHoldingTheLeaseTakesOverAClaimOfAnyOtherDeliveryAfterTheWait() {
    assertThat(ledger.claim("a", inPost, "act-1", 3)).isTrue();

    assertThat(ledger.takeOver("a", inPost, "act-2", 1)).isTrue();
    assertThat(ledger.claim("a", inPost, "act-1", 3)).isFalse();
    assertThat(ledger.takeOver("a", inPost, "act-2", 1)).isTrue();
    assertThat(ledger.takeOver("a", inComment, "act-2", 1)).isTrue();
  }

  @Test
  void anUnreachableLedgerProvesNothingSoTheThreadDecides() {
    ReplyLedger down = new ReplyLedger(new EffectLedger() {
      public boolean tryRecord(String key, String value, Duration ttl) {
        throw new QueueUnavailableException("down", null);
      }

      public boolean replace(String key, String expected, String value, Duration ttl) {
        throw new QueueUnavailableException("down", null);
      }

      public boolean remove(String key, String expected) {
        throw new QueueUnavailableException("down", null);
      }

      public Optional<String> lookup(String key) {
        throw new QueueUnavailableException("down", null);
      }
    });

    assertThat(down.recorded("a", inPost)).isFalse();
    down.done("a", inPost, "c1");
    down.release("a", inPost, "act-1", 1);
  }

  @Test
  void aReleasedClaimLetsAnotherDeliveryReplyButOnlyTheHolderCanReleaseIt() {
    assertThat(ledger.claim("a", inPost, "act-1", 1)).isTrue();

    ledger.release("a", inPost, "act-2", 1);
    assertThat(ledger.claim("a", inPost, "act-2", 1)).isFalse();

    ledger.release("a", inPost, "act-1", 1);
    assertThat(ledger.claim("a", inPost, "act-2", 1)).isTrue();
  }
}
