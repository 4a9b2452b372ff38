package io.botburrow.gateway.front;

import io.botburrow.gateway.front.http.Http1Exchange;
import java.io.IOException;
import java.io.OutputStream;

/** The streamed response's body, there once the writer has sent the headers with its first event. */
final class ResponseStream extends OutputStream {
  private final Http1Exchange exchange;

  ResponseStream(Http1Exchange exchange) {
    this.exchange = exchange;
  }

  @Override
  public void write(int b) throws IOException {
    exchange.responseBody().write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    exchange.responseBody().write(b, off, len);
  }

  @Override
  public void flush() throws IOException {
    if (exchange.headersSent()) {
      exchange.responseBody().flush();
    }
  }

  @Override
  public void close() throws IOException {
    exchange.close();
  }
}
