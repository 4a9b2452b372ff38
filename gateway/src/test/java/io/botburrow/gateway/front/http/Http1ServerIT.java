package io.botburrow.gateway.front.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The front's HTTP/1.1 server on the wire: raw sockets and the JDK client as callers. */
class Http1ServerIT {
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private Http1Server server;

  /** Echoes the body; {@code /stream} answers in three flushed pieces; {@code /refuse} answers without reading. */
  private void handle(Http1Exchange exchange) throws IOException {
    try (exchange) {
      if (exchange.path().equals("/refuse")) {
        exchange.sendHeaders(413, 2).write("no".getBytes(StandardCharsets.US_ASCII));
        return;
      }
      var body = new String(exchange.requestBody().readAllBytes(), StandardCharsets.UTF_8);
      bodies.add(body);
      exchange.setHeader("Content-Type", "text/plain");
      if (exchange.path().equals("/stream")) {
        var out = exchange.sendHeaders(200, 0);
        for (var piece : List.of("one ", "two ", "three")) {
          out.write(piece.getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
        return;
      }
      var bytes = ("echo:" + body).getBytes(StandardCharsets.UTF_8);
      exchange.sendHeaders(200, bytes.length).write(bytes);
    }
  }

  @BeforeEach
  void start() {
    server = new Http1Server(this::handle, "test-front", 16, Duration.ofSeconds(5)).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Socket connect() throws IOException {
    var socket = new Socket("127.0.0.1", server.address().getPort());
    socket.setSoTimeout(5_000);
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
  }

  /** Reads until {@code end} has arrived (or the connection closed). */
  private static String readUntil(InputStream in, String end) throws IOException {
    var read = new ByteArrayOutputStream();
    while (!read.toString(StandardCharsets.ISO_8859_1).endsWith(end)) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      read.write(b);
    }
    return read.toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void servesSeveralRequestsOnOneKeptAliveConnectionAndChunkedRequestBodies() throws Exception {
    try (var socket = connect()) {
      send(socket, "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
      var first = readUntil(socket.getInputStream(), "echo:hello");
      send(socket, "POST /b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
      var second = readUntil(socket.getInputStream(), "echo:abcde");

      assertThat(first).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: 10\r\n");
      assertThat(second).startsWith("HTTP/1.1 200 OK\r\n").endsWith("echo:abcde");
    }
    assertThat(bodies).containsExactly("hello", "abcde");
  }

  @Test
  void streamsAChunkPerFlushAndEndsTheBody() throws Exception {
    try (var socket = connect()) {
      send(socket, "POST /stream HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
      var answer = readUntil(socket.getInputStream(), "0\r\n\r\n");

      assertThat(answer).contains("Transfer-Encoding: chunked\r\n")
          .endsWith("\r\n\r\n4\r\none \r\n4\r\ntwo \r\n5\r\nthree\r\n0\r\n\r\n");
    }
  }

  @Test
  void theJdkClientReadsWholeAndStreamedAnswersOverKeptAliveConnections() throws Exception {
    var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    var base = "http://127.0.0.1:" + server.address().getPort();
    for (int i = 0; i < 3; i++) {
      var whole = client.send(HttpRequest.newBuilder(URI.create(base + "/whole"))
          .POST(HttpRequest.BodyPublishers.ofString("n" + i)).build(), HttpResponse.BodyHandlers.ofString());
      var streamed = client.send(HttpRequest.newBuilder(URI.create(base + "/stream"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(whole.body()).isEqualTo("echo:n" + i);
      assertThat(streamed.body()).isEqualTo("one two three");
    }
  }

  @Test
  void sendsContinueWhenTheHandlerReadsAnExpectedBodyAndClosesWhenItAnswersWithoutIt() throws Exception {
    try (var socket = connect()) {
      send(socket, "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
      assertThat(readUntil(socket.getInputStream(), "\r\n\r\n")).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
      send(socket, "abc");
      assertThat(readUntil(socket.getInputStream(), "echo:abc")).startsWith("HTTP/1.1 200 OK");
    }
    try (var socket = connect()) {
      send(socket, "POST /refuse HTTP/1.1\r\nHost: x\r\nContent-Length: 999999\r\nExpect: 100-continue\r\n\r\n");
      var answer = readUntil(socket.getInputStream(), "no");

      assertThat(answer).startsWith("HTTP/1.1 413 ").contains("Connection: close\r\n").doesNotContain("100 Continue");
      assertThat(socket.getInputStream().read()).as("the connection ends").isEqualTo(-1);
    }
  }

  @Test
  void headGetsTheHeadersWithoutTheBodyAndHttp10GetsAClosedConnection() throws Exception {
    try (var socket = connect()) {
      send(socket, "HEAD /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi");
      var both = readUntil(socket.getInputStream(), "echo:hi");

      assertThat(both).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: 5\r\n\r\nHTTP/1.1 200 OK\r\n");
    }
    try (var socket = connect()) {
      send(socket, "POST /stream HTTP/1.0\r\nContent-Length: 0\r\n\r\n");
      var answer = readUntil(socket.getInputStream(), "\u0000");

      assertThat(answer).contains("Connection: close\r\n").doesNotContain("chunked").endsWith("\r\n\r\none two three");
    }
  }

  @Test
  void aMalformedRequestGets400AndTheConnectionCloses() throws Exception {
    try (var socket = connect()) {
      send(socket, "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\nhi");
      var answer = readUntil(socket.getInputStream(), "\u0000");

      assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("Connection: close");
    }
    try (var socket = connect()) {
      send(socket, "GARBAGE\r\n\r\n");
      assertThat(readUntil(socket.getInputStream(), "\u0000")).startsWith("HTTP/1.1 400 ");
    }
    assertThat(bodies).isEmpty();
  }
}
