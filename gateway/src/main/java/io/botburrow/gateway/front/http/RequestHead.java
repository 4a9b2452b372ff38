package io.botburrow.gateway.front.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A request's line and headers as read off the connection: method, path (without the query), version
 * and each header's first value under its lower-case name.
 */
record RequestHead(String method, String target, String path, boolean http10, Map<String, String> headers) {
  /** A line of the head longer than this is refused (431). */
  static final int MAX_LINE = 16 * 1024;
  static final int MAX_HEADERS = 128;

  /** A head that cannot be served; the connection answers with {@code status} and closes. */
  static final class BadRequest extends IOException {
    final int status;

    BadRequest(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /**
   * Reads the next request's head. Blocks. Empty lines before it are skipped (RFC 9112 2.2).
   *
   * @return null when the connection ended before a request began
   * @throws BadRequest when the head is malformed or too large
   */
  static RequestHead read(InputStream in, byte[] scratch) throws IOException {
    String requestLine;
    do {
      requestLine = line(in, scratch, true);
      if (requestLine == null) {
        return null;
      }
    } while (requestLine.isEmpty());
    int first = requestLine.indexOf(' ');
    int last = requestLine.lastIndexOf(' ');
    if (first <= 0 || last <= first + 1) {
      throw new BadRequest(400, "malformed request line");
    }
    var method = requestLine.substring(0, first);
    var target = requestLine.substring(first + 1, last);
    var version = requestLine.substring(last + 1);
    if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
      throw new BadRequest(505, "HTTP version not supported: " + abbreviate(version));
    }
    var headers = new HashMap<String, String>(16);
    for (int count = 0; ; count++) {
      var line = line(in, scratch, false);
      if (line.isEmpty()) {
        break;
      }
      if (count >= MAX_HEADERS) {
        throw new BadRequest(431, "too many request headers");
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || line.charAt(colon - 1) == ' ' || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        // no name, whitespace before the colon, or an obsolete folded line: refused, as RFC 9112 asks
        throw new BadRequest(400, "malformed request header");
      }
      var name = line.substring(0, colon).toLowerCase(Locale.ROOT);
      var value = line.substring(colon + 1).strip();
      var earlier = headers.putIfAbsent(name, value);
      if (earlier != null && name.equals("content-length") && !earlier.equals(value)) {
        throw new BadRequest(400, "conflicting Content-Length headers");
      }
    }
    int query = target.indexOf('?');
    var path = query < 0 ? target : target.substring(0, query);
    if (path.startsWith("http://") || path.startsWith("https://")) {
      // absolute form: the path after the authority
      int slash = path.indexOf('/', path.indexOf("//") + 2);
      path = slash < 0 ? "/" : path.substring(slash);
    }
    return new RequestHead(method, target, path, version.equals("HTTP/1.0"), headers);
  }

  String header(String lowerCaseName) {
    return headers.get(lowerCaseName);
  }

  /** One line without its CR LF; null at the end of the stream when {@code mayEnd} and nothing was read. */
  private static String line(InputStream in, byte[] scratch, boolean mayEnd) throws IOException {
    int length = 0;
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        if (mayEnd && length == 0) {
          return null;
        }
        throw new EOFException("connection closed in the middle of a request head");
      }
      if (length == scratch.length) {
        throw new BadRequest(431, "request head line longer than " + MAX_LINE + " bytes");
      }
      scratch[length++] = (byte) b;
    }
    if (length > 0 && scratch[length - 1] == '\r') {
      length--;
    }
    return new String(scratch, 0, length, StandardCharsets.ISO_8859_1);
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }
}
