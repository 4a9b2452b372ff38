package io.botburrow.gateway.budget.redis;

import io.botburrow.gateway.budget.redis.RespClient.RedisErrorException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RESP2 replies off a connection's input: Long, String, null, a List of these, or an error reply as
 * a {@link RedisErrorException} returned (not thrown) so that the connection can be reused.
 */
final class ReplyReader {
  private final InputStream in;

  ReplyReader(InputStream in) {
    this.in = in;
  }

  /** The reply whose first byte, {@code type}, was read already. */
  Object reply(int type) throws IOException {
    var line = line();
    return switch (type) {
      case '+' -> line;
      case '-' -> new RedisErrorException(line);
      case ':' -> Long.parseLong(line);
      case '$' -> bulk(line);
      case '*' -> array(line);
      default -> throw new IOException("unexpected Redis reply type " + (char) type);
    };
  }

  private String bulk(String header) throws IOException {
    int length = Integer.parseInt(header);
    if (length < 0) {
      return null;
    }
    var bytes = in.readNBytes(length);
    line();
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private List<Object> array(String header) throws IOException {
    int count = Integer.parseInt(header);
    if (count < 0) {
      return null;
    }
    var items = new ArrayList<Object>(count);
    for (int i = 0; i < count; i++) {
      int next = in.read();
      if (next < 0) {
        throw new EOFException("Redis closed the connection in the middle of a reply");
      }
      items.add(reply(next));
    }
    return items;
  }

  private String line() throws IOException {
    var text = new StringBuilder();
    for (int b = in.read(); ; b = in.read()) {
      if (b < 0) {
        throw new EOFException("Redis closed the connection in the middle of a reply");
      }
      if (b == '\r') {
        if (in.read() != '\n') {
          throw new IOException("malformed Redis reply");
        }
        return text.toString();
      }
      text.append((char) b);
    }
  }
}
