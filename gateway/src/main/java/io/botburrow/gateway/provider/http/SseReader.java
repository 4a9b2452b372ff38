package io.botburrow.gateway.provider.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads server-sent events from a byte stream: {@code event:} and {@code data:} lines up to a blank
 * line, multi-line data joined with {@code \n}, comments and other fields ignored. Not thread-safe.
 */
final class SseReader {
  /** A provider's event, or a whole answer line, larger than this is refused. */
  static final int MAX_EVENT_BYTES = 8 * 1024 * 1024;

  private final InputStream in;
  private byte[] buffer = new byte[16 * 1024];
  private int start;
  private int end;
  private boolean eof;
  private String event = "";
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;

  SseReader(InputStream in) {
    this.in = in;
  }

  /** One event. */
  record Event(String name, String data) {}

  /** The next event with data, or null at the end of the stream. Blocks. */
  Event next() throws IOException {
    while (true) {
      int newline = indexOf('\n');
      if (newline < 0) {
        if (eof) {
          return flushAtEnd();
        }
        fill();
        continue;
      }
      int lineEnd = newline > start && buffer[newline - 1] == '\r' ? newline - 1 : newline;
      var event = line(start, lineEnd);
      start = newline + 1;
      if (event != null) {
        return event;
      }
    }
  }

  /** Whether more bytes are here already, so that reading on will not wait. */
  boolean buffered() throws IOException {
    return start < end || (!eof && in.available() > 0);
  }

  private Event line(int from, int to) {
    if (from == to) {
      if (!hasData) {
        event = "";
        return null;
      }
      var done = new Event(event, data.toString());
      event = "";
      data.setLength(0);
      hasData = false;
      return done;
    }
    if (startsWith(from, to, "data:")) {
      int valueFrom = from + 5 < to && buffer[from + 5] == ' ' ? from + 6 : from + 5;
      if (hasData) {
        data.append('\n');
      }
      data.append(new String(buffer, valueFrom, to - valueFrom, StandardCharsets.UTF_8));
      hasData = true;
    } else if (startsWith(from, to, "event:")) {
      event = new String(buffer, from + 6, to - from - 6, StandardCharsets.UTF_8).strip();
    }
    return null;
  }

  private Event flushAtEnd() {
    if (start < end) {
      // a last line without its line end
      var tail = line(start, end);
      start = end;
      if (tail != null) {
        return tail;
      }
    }
    if (hasData) {
      hasData = false;
      var last = new Event(event, data.toString());
      data.setLength(0);
      return last;
    }
    return null;
  }

  private boolean startsWith(int from, int to, String prefix) {
    if (to - from < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (buffer[from + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private int indexOf(int b) {
    for (int i = start; i < end; i++) {
      if (buffer[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private void fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buffer.length) {
      if (buffer.length >= MAX_EVENT_BYTES) {
        throw new IOException("a line of the stream is longer than " + MAX_EVENT_BYTES + " bytes");
      }
      buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
    }
    int n = in.read(buffer, end, buffer.length - end);
    if (n < 0) {
      eof = true;
    } else {
      end += n;
    }
  }
}
