package io.botburrow.runners;

import java.util.List;

/**
 * Every runner that announced itself lately, idle ones included, for the operator API. Not a judge of
 * liveness ({@link RunnerObserver} is): a card only says what the runner last said. Methods block on the
 * backend and throw {@link io.botburrow.queue.QueueUnavailableException} when it cannot be reached.
 */
public interface RunnerDirectory {

  /** Records {@code card}, replacing the runner's previous one. */
  void announce(RunnerCard card);

  /** The cards held, by runner id; cards far older than their runner's interval are dropped. */
  List<RunnerCard> cards();

  /** Forgets {@code runnerId} (clean shutdown). Idempotent. */
  void forget(String runnerId);
}
