package io.botburrow.gateway.budget.redis;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A command framed as RESP2 (an array of bulk strings) in one buffer, reused from command to command, so
 * that each goes out in one write. Not thread-safe: one per connection.
 */
final class CommandFrame {
  private static final byte[] CRLF = {'\r', '\n'};

  private byte[] frame = new byte[1024];
  private int framed;

  /** Frames {@code command} in place of the one before. */
  void frame(List<String> command) {
    framed = 0;
    header('*', command.size());
    for (var part : command) {
      var bytes = part.getBytes(StandardCharsets.UTF_8);
      header('$', bytes.length);
      append(bytes);
      append(CRLF);
    }
  }

  /** Writes the framed command in one write. */
  void writeTo(OutputStream out) throws IOException {
    out.write(frame, 0, framed);
  }

  private void header(char type, int count) {
    room(16);
    frame[framed++] = (byte) type;
    if (count == 0) {
      frame[framed++] = '0';
    } else {
      int digits = 0;
      for (int rest = count; rest > 0; rest /= 10) {
        digits++;
      }
      for (int i = framed + digits - 1, rest = count; i >= framed; i--, rest /= 10) {
        frame[i] = (byte) ('0' + rest % 10);
      }
      framed += digits;
    }
    frame[framed++] = '\r';
    frame[framed++] = '\n';
  }

  private void append(byte[] bytes) {
    room(bytes.length);
    System.arraycopy(bytes, 0, frame, framed, bytes.length);
    framed += bytes.length;
  }

  private void room(int more) {
    if (framed + more > frame.length) {
      frame = Arrays.copyOf(frame, Math.max(frame.length * 2, framed + more));
    }
  }
}
