package io.botburrow.queue;

/** A write carried a fencing token older than the current leader's: the writer was deposed. */
public class FencedOutException extends RuntimeException {
  public FencedOutException(long token, long current) {
    super("fencing token " + token + " is stale; current leader holds " + current);
  }
}
