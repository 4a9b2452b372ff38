package io.botburrow.runner.mcp.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reassembles newline-delimited messages from the engine's multiplexed frames (at most 1 KiB each,
 * split anywhere, even inside a UTF-8 character). Not thread-safe: one per stream.
 */
final class LineAssembler {
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private final int maxLineBytes;

  LineAssembler(int maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * Adds one frame's bytes (copied) and returns the lines it completed, without their line ends.
   *
   * @throws IllegalStateException when a line grows past the maximum (a broken or hostile server)
   */
  List<String> accept(byte[] chunk) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < chunk.length; i++) {
      if (chunk[i] == '\n') {
        pending.write(chunk, start, i - start);
        lines.add(takeLine());
        start = i + 1;
      }
    }
    pending.write(chunk, start, chunk.length - start);
    if (pending.size() > maxLineBytes) {
      pending.reset();
      throw new IllegalStateException("line longer than " + maxLineBytes + " bytes");
    }
    return lines;
  }

  private String takeLine() {
    String line = pending.toString(StandardCharsets.UTF_8);
    pending.reset();
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
