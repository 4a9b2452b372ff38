package io.botburrow.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code reachable()} asks the Hub's health check: up on 2xx, down on an error status or no answer. */
class HubHealthIT {
  private final AtomicInteger status = new AtomicInteger(200);
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private HttpHubClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
    client = new HttpHubClient(new HubClientProperties(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "",
        Duration.ofMillis(700), 2, Duration.ofMillis(20)), new ObjectMapper());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange x) throws IOException {
    paths.add(x.getRequestMethod() + " " + x.getRequestURI().getPath());
    byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(status.get(), body.length);
    x.getResponseBody().write(body);
    x.close();
  }

  @Test
  void aHubAnsweringItsHealthCheckIsReachable() {
    assertThat(client.reachable()).isTrue();
    assertThat(paths).containsOnly("GET /api/v1/health");
  }

  @Test
  void aHubAnsweringAnErrorIsNotReachable() {
    status.set(503);
    assertThat(client.reachable()).isFalse();
    status.set(500);
    assertThat(client.reachable()).isFalse();
  }

  @Test
  void aHubNobodyAnswersForIsNotReachable() {
    server.stop(0);
    assertThat(client.reachable()).isFalse();
  }
}
