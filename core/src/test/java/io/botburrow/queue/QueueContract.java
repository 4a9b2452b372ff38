package io.botburrow.queue;

import io.botburrow.activation.Activation;
import io.botburrow.activation.RunnerPool;
import io.botburrow.testing.Activations;
import io.botburrow.testing.MutableClock;
import java.time.Duration;
import java.util.Optional;

/** Base of the queue contract: access to the adapter under test and shared steps. */
public interface QueueContract {
  long TOKEN = 1;
  Duration NO_WAIT = Duration.ZERO;

  /** The adapter under test, fresh and empty for each test, with {@link QueueSettings#defaults()}. */
  QueueFixture fixture();

  default MutableClock clock() {
    return fixture().clock();
  }

  default Activation notification(String agent, String... ids) {
    return Activations.notification(clock(), agent, ids);
  }

  default Activation exploration(String agent) {
    return Activations.exploration(clock(), agent);
  }

  default EnqueueResult enqueue(Activation activation) {
    return fixture().queue().enqueue(activation, TOKEN);
  }

  default Optional<Lease> claim(RunnerPool pool, String runner) {
    return fixture().claims().claim(pool, runner, NO_WAIT);
  }

  default Lease claimOrFail(RunnerPool pool, String runner) {
    return claim(pool, runner).orElseThrow(() -> new AssertionError(runner + " claimed nothing"));
  }
}
