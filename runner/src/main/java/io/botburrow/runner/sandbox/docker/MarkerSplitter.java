package io.botburrow.runner.sandbox.docker;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits one output stream of the stdio command channel into the command's output and the end
 * marker, across arbitrary chunk boundaries. Output before the marker goes to a {@link CappedOutput};
 * with {@code readsExitCode} the marker is followed by the exit code and a line feed. Anything after
 * that is not the command's and is dropped. Not thread-safe.
 */
final class MarkerSplitter {
  private enum State { OUTPUT, EXIT_CODE, FINISHED }

  final CappedOutput target;
  private final byte[] marker;
  private final boolean readsExitCode;
  private final StringBuilder exitCodeText = new StringBuilder();
  private byte[] carry = new byte[0];
  private State state = State.OUTPUT;

  MarkerSplitter(byte[] marker, CappedOutput target, boolean readsExitCode) {
    if (marker.length == 0) {
      throw new IllegalArgumentException("marker must not be empty");
    }
    this.marker = marker.clone();
    this.target = target;
    this.readsExitCode = readsExitCode;
  }

  /** Takes the next chunk; {@code chunk} is not kept. */
  void accept(byte[] chunk) {
    switch (state) {
      case OUTPUT -> scan(chunk);
      case EXIT_CODE -> readExitCode(chunk, 0);
      case FINISHED -> { }
    }
  }

  boolean finished() {
    return state == State.FINISHED;
  }

  /** The exit code after the marker, or -1 when it was missing or not a number. */
  int exitCode() {
    try {
      return Integer.parseInt(exitCodeText.toString().strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void scan(byte[] chunk) {
    byte[] data = concat(carry, chunk);
    int at = indexOf(data, marker, 0);
    if (at >= 0) {
      if (at > 0) {
        target.append(Arrays.copyOfRange(data, 0, at));
      }
      carry = new byte[0];
      if (readsExitCode) {
        state = State.EXIT_CODE;
        readExitCode(data, at + marker.length);
      } else {
        state = State.FINISHED;
      }
      return;
    }
    // Keep back what could be the start of a marker split across chunks.
    int keep = Math.min(marker.length - 1, data.length);
    int emit = data.length - keep;
    if (emit > 0) {
      target.append(Arrays.copyOfRange(data, 0, emit));
    }
    carry = Arrays.copyOfRange(data, emit, data.length);
  }

  private void readExitCode(byte[] data, int from) {
    for (int i = from; i < data.length; i++) {
      if (data[i] == '\n') {
        state = State.FINISHED;
        return;
      }
      if (exitCodeText.length() < 16) {
        exitCodeText.append(new String(data, i, 1, StandardCharsets.US_ASCII));
      }
    }
  }

  private static byte[] concat(byte[] first, byte[] second) {
    if (first.length == 0) {
      return second;
    }
    byte[] joined = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    return joined;
  }

  static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
