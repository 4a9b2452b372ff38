package io.botburrow.devkit.channels;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** The HTTP side the fake platforms' APIs share: a server on the loopback address, and answers sent whole. */
final class FakeHttp {
  private FakeHttp() {}

  /** A started server on a free loopback port, handing the requests under {@code context} to {@code handler}. */
  static HttpServer start(String context, HttpHandler handler) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext(context, handler);
    http.start();
    return http;
  }

  /** {@code path} on {@code http}, as clients are told to reach it. */
  static URI url(HttpServer http, String path) {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + path);
  }

  /**
   * Answers {@code status} with {@code body} (a 204 with none) as {@code contentType}, each platform
   * naming its own; null sends no {@code Content-Type}, as Slack's 429 does.
   */
  static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (contentType != null) {
      ex.getResponseHeaders().add("Content-Type", contentType);
    }
    ex.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
    if (status != 204) {
      ex.getResponseBody().write(bytes);
    }
  }
}
