package io.botburrow.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.queue.Lease;
import io.botburrow.queue.redis.ClaimBatches.Call;
import io.botburrow.queue.redis.ClaimBatches.Claimed;
import io.botburrow.testing.Activations;
import io.botburrow.testing.MutableClock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimBatchesTest {
  private final MutableClock clock = new MutableClock();

  @Test
  void readsTheCompletionsFirstThenOneDocumentPerClaimServedInTheOrderOfTheRequests() {
    Lease done = lease("n1");
    Lease lost = lease("n2");
    List<Call> requests = List.of(new Call(done, false), Call.CLAIM, new Call(lost, true), Call.CLAIM);

    List<Object> answers = ClaimBatches.answers(requests, 2, List.of(1L, 0L, "{\"doc\":1}"), 42);

    // the completion with a claim answers as a claim; the lost lease is only logged
    assertThat(answers).isEqualTo(Arrays.asList(true, new Claimed("{\"doc\":1}", 42), null, null));
  }

  @Test
  void answersALostCompletionWithFalse() {
    assertThat(ClaimBatches.answers(List.of(new Call(lease("n1"), false)), 1, List.of(0L), 42))
        .containsExactly(false);
  }

  private Lease lease(String notification) {
    return new Lease(Activations.notification(clock, "alice", notification), "r1", clock.instant());
  }
}
