package io.botburrow.runner.sandbox.docker;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The answer to the stdio channel's command in flight: its output on both streams up to their end markers, its
 * exit code, or the news that the stream ended before the answer did. Output arrives on the attach's thread while
 * the command's caller waits.
 */
final class PendingCommand {
  final MarkerSplitter stdout;
  final MarkerSplitter stderr;
  private final CountDownLatch done = new CountDownLatch(1);
  volatile int exitCode = -1;
  volatile boolean streamEnded;

  PendingCommand(String token, int capBytes) {
    stdout = new MarkerSplitter(CommandProtocol.stdoutMarker(token), new CappedOutput(capBytes), true);
    stderr = new MarkerSplitter(CommandProtocol.stderrMarker(token), new CappedOutput(capBytes), false);
  }

  synchronized void accept(boolean isStderr, byte[] payload) {
    (isStderr ? stderr : stdout).accept(payload);
    if (stdout.finished() && stderr.finished()) {
      exitCode = stdout.exitCode();
      done.countDown();
    }
  }

  /** The attached streams ended: no answer will come. */
  void endStream() {
    streamEnded = true;
    done.countDown();
  }

  /** @return whether the answer came (or the stream ended) within {@code millis} */
  boolean await(long millis) throws InterruptedException {
    return done.await(millis, TimeUnit.MILLISECONDS);
  }
}
