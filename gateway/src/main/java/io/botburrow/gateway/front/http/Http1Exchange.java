package io.botburrow.gateway.front.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request and its response on a kept-alive connection. The handler reads the request, sets response
 * headers, calls {@link #sendHeaders} once and writes the body; {@link #close()} ends the response (the
 * caller has all of it then) while the handler may go on with work of its own. Not thread-safe.
 */
public final class Http1Exchange implements AutoCloseable {
  private final RequestHead head;
  private final RequestBody body;
  private final OutputStream connection;
  private final Map<String, String> responseHeaders = new LinkedHashMap<>();
  private final boolean expectsContinue;
  private boolean continueSent;
  private int status = -1;
  private ResponseBody responseBody;
  private boolean closeAfter;

  Http1Exchange(RequestHead head, InputStream in, OutputStream connection) throws RequestHead.BadRequest {
    this.head = head;
    this.connection = connection;
    this.expectsContinue = !head.http10() && "100-continue".equalsIgnoreCase(head.header("expect"));
    this.body = new RequestBody(in, bodyLength(head), this::sendContinue);
    var connectionHeader = head.header("connection");
    this.closeAfter = head.http10() ? !"keep-alive".equalsIgnoreCase(connectionHeader)
        : connectionHeader != null && connectionHeader.toLowerCase(java.util.Locale.ROOT).contains("close");
  }

  private static long bodyLength(RequestHead head) throws RequestHead.BadRequest {
    var encoding = head.header("transfer-encoding");
    var length = head.header("content-length");
    if (encoding != null) {
      if (length != null) {
        throw new RequestHead.BadRequest(400, "both Transfer-Encoding and Content-Length");
      }
      if (!encoding.toLowerCase(java.util.Locale.ROOT).endsWith("chunked")) {
        throw new RequestHead.BadRequest(501, "unsupported Transfer-Encoding: " + encoding);
      }
      return -1;
    }
    if (length == null) {
      return 0;
    }
    try {
      long value = Long.parseLong(length);
      if (value < 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new RequestHead.BadRequest(400, "bad Content-Length");
    }
  }

  public String method() {
    return head.method();
  }

  /** The request target's path, without the query. */
  public String path() {
    return head.path();
  }

  /** The request headers' first values by lower-case name. */
  public Map<String, String> headers() {
    return head.headers();
  }

  /** The first value of a request header, by its lower-case name; null when absent. */
  public String header(String lowerCaseName) {
    return head.header(lowerCaseName);
  }

  /** The declared length of the request body, -1 when chunked. */
  public long declaredLength() {
    var length = head.header("content-length");
    return length == null ? (head.header("transfer-encoding") == null ? 0 : -1) : Long.parseLong(length);
  }

  /** The request body, decoded; a client that expects {@code 100 Continue} gets it at the first read. */
  public InputStream requestBody() {
    return body;
  }

  /** Sets a response header (before {@link #sendHeaders}); line breaks are refused. */
  public void setHeader(String name, String value) {
    if (name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("response header " + name + " contains a line break");
    }
    responseHeaders.put(name, value);
  }

  /** Whether the status line went out (or is on its way). */
  public boolean headersSent() {
    return status >= 0;
  }

  /**
   * Sends the status and headers with the first body bytes (or at {@link #close()}).
   *
   * @param length -1 no body, 0 a streamed body of unknown length, else exactly that many bytes
   * @return the body
   */
  public OutputStream sendHeaders(int status, long length) throws IOException {
    if (this.status >= 0) {
      throw new IllegalStateException("response headers already sent");
    }
    this.status = status;
    if (expectsContinue && !continueSent && !body.finished()) {
      // the client held its body back and nobody asked for it: it may still come, so the connection ends
      closeAfter = true;
    }
    boolean head = "HEAD".equals(this.head.method());
    boolean bodiless = status == 204 || status == 304 || status < 200;
    ResponseBody.Framing framing;
    var text = new StringBuilder(256).append("HTTP/1.1 ").append(status).append(' ').append(Reasons.of(status))
        .append("\r\n");
    responseHeaders.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
    if (length > 0) {
      text.append("Content-Length: ").append(length).append("\r\n");
      framing = head ? ResponseBody.Framing.NONE : ResponseBody.Framing.SIZED;
    } else if (length < 0 || bodiless) {
      if (!bodiless) {
        text.append("Content-Length: 0\r\n");
      }
      framing = ResponseBody.Framing.NONE;
    } else if (this.head.http10()) {
      closeAfter = true;
      framing = head ? ResponseBody.Framing.NONE : ResponseBody.Framing.UNTIL_CLOSE;
    } else {
      text.append("Transfer-Encoding: chunked\r\n");
      framing = head ? ResponseBody.Framing.NONE : ResponseBody.Framing.CHUNKED;
    }
    if (closeAfter) {
      text.append("Connection: close\r\n");
    }
    text.append("\r\n");
    connection.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
    responseBody = new ResponseBody(connection, framing, head ? 0 : Math.max(0, length));
    return responseBody;
  }

  /** The body {@link #sendHeaders} returned. */
  public OutputStream responseBody() {
    if (responseBody == null) {
      throw new IllegalStateException("send the response headers first");
    }
    return responseBody;
  }

  /** Ends the response: the caller has all of it once this returns. Idempotent. */
  @Override
  public void close() throws IOException {
    if (status < 0) {
      sendHeaders(500, -1);
    }
    responseBody.close();
  }

  /**
   * After the handler: whether the connection can read the next request (the response was complete,
   * the request body read to its end, nobody asked to close).
   */
  boolean reusable() throws IOException {
    if (closeAfter || responseBody == null || !responseBody.complete()) {
      return false;
    }
    // a body nobody read is skipped when small, else the connection ends rather than reading it all
    return body.finished() || (body.touched() || !expectsContinue) && body.skipRest(64 * 1024);
  }

  private void sendContinue() {
    if (expectsContinue && !continueSent && status < 0) {
      continueSent = true;
      try {
        connection.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        connection.flush();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
