package io.botburrow.gateway.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gateway's HTTP/1.1 client against the JDK's HTTP server and a raw socket server. */
class Http1ClientIT {
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
  private HttpServer server;
  private final Http1Client client = new Http1Client(Duration.ofSeconds(2));

  @AfterEach
  void stop() {
    client.close();
    if (server != null) {
      server.stop(0);
    }
  }

  private URI serve(String path, byte[] body, boolean chunked) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", exchange -> {
      clientPorts.add(exchange.getRemoteAddress().getPort());
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().set("Retry-After", "3");
      exchange.sendResponseHeaders(200, chunked ? 0 : body.length);
      try (var out = exchange.getResponseBody()) {
        for (byte b : body) {
          out.write(b);
          if (chunked) {
            out.flush();
          }
        }
      }
    });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private String call(URI uri) throws IOException {
    try (var response = client.send("POST", uri, Map.of("Content-Type", "application/json"),
        "{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(2))) {
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.first("retry-after")).contains("3");
      return response.bodyText();
    }
  }

  @Test
  void readsSizedAndChunkedBodiesAndKeepsTheConnectionAlive() throws Exception {
    var uri = serve("/v1/chat?x=1", "hello, chunked world".getBytes(StandardCharsets.UTF_8), true);
    for (int i = 0; i < 5; i++) {
      assertThat(call(uri)).isEqualTo("hello, chunked world");
    }
    assertThat(clientPorts).as("one connection served every call").hasSize(1);
  }

  @Test
  void sendsAgainOnANewConnectionWhenTheServerClosedTheIdleOne() throws Exception {
    var uri = serve("/v1/chat", "sized".getBytes(StandardCharsets.UTF_8), false);
    assertThat(call(uri)).isEqualTo("sized");
    // the server goes away and comes back on the same port: the pooled connection is dead
    int port = server.getAddress().getPort();
    server.stop(0);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().set("Retry-After", "3");
      var bytes = "again".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, bytes.length);
      try (var out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    assertThat(call(uri)).isEqualTo("again");
  }

  @Test
  void anAnswerThatDoesNotStartInTimeFails() throws Exception {
    try (var silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual().start(() -> {
        try (var socket = silent.accept()) {
          socket.getInputStream().read(new byte[1024]);
          Thread.sleep(5_000);
        } catch (IOException | InterruptedException e) {
          // the test is over
        }
      });
      var uri = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/");
      assertThatThrownBy(() -> client.send("POST", uri, Map.of(), new byte[0], Duration.ofMillis(200)))
          .isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void aStreamLeftAtItsClosingEventKeepsItsConnectionForTheNextCall() throws Exception {
    var uri = serve("/v1/chat/completions", "data: {\"n\":1}\n\ndata: [DONE]\n\n".getBytes(StandardCharsets.UTF_8), true);
    var http = new ProviderHttp(client, new com.fasterxml.jackson.databind.ObjectMapper(), java.time.Clock.systemUTC(),
        Duration.ofSeconds(2));
    var endpoint = new io.botburrow.llm.LlmEndpoint("openai", URI.create("http://127.0.0.1/v1"), null,
        Duration.ofSeconds(2));
    var seen = new java.util.ArrayList<String>();
    for (int i = 0; i < 3; i++) {
      http.postStream(endpoint, uri, Map.of(), new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode(),
          new ProviderHttp.EventHandler() {
            @Override
            public void event(String name, String data) {
              seen.add(data);
            }

            @Override
            public boolean complete() {
              return seen.getLast().equals("[DONE]");
            }
          });
    }

    assertThat(seen).containsExactly("{\"n\":1}", "[DONE]", "{\"n\":1}", "[DONE]", "{\"n\":1}", "[DONE]");
    assertThat(clientPorts).as("the rest of each stream was read before the next call, on the same connection")
        .hasSize(1);
  }
}
