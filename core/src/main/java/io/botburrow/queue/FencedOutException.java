package io.botburrow.queue;

/**
 * A write carried a fencing token other than the current term's: the writer was deposed, or the
 * backend lost its state and no leader has started a term since ({@code current} 0).
 */
public class FencedOutException extends RuntimeException {
  public FencedOutException(long token, long current) {
    super(current == 0
        ? "fencing token " + token + " is stale; no leader has started a term since the queue lost its state"
        : "fencing token " + token + " is stale; current leader holds " + current);
  }
}
