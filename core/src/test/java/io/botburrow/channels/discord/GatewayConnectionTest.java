package io.botburrow.channels.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GatewayConnectionTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final GatewayConnection connection = new GatewayConnection(HttpClient.newHttpClient(), scheduler,
      Duration.ofHours(1), () -> URI.create("wss://gateway.invalid"), (ws, event) -> {});
  private final AtomicInteger beats = new AtomicInteger();

  @AfterEach
  void stop() {
    connection.close();
    scheduler.shutdownNow();
  }

  @Test
  void theOpenSocketsHelloStartsTheHeartbeat() {
    WebSocket socket = new IdleSocket();
    connection.connect(() -> URI.create("ws://127.0.0.1:9/unused"));
    connection.socket().onOpen(socket);

    assertThat(connection.startHeartbeat(socket, 10, beats::incrementAndGet)).isTrue();
    await().atMost(Duration.ofSeconds(5)).until(() -> beats.get() >= 2);
  }

  @Test
  void aHelloAfterTheConnectionClosedStartsNoHeartbeat() {
    WebSocket socket = new IdleSocket();
    connection.connect(() -> URI.create("ws://127.0.0.1:9/unused"));
    connection.socket().onOpen(socket);
    connection.close();

    assertThat(connection.startHeartbeat(socket, 10, beats::incrementAndGet)).isFalse();
    // beats every 10 ms would have shown within 200 ms
    await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> beats.get() == 0);
  }

  @Test
  void aHelloOnALostSocketStartsNoHeartbeat() {
    WebSocket lost = new IdleSocket();
    connection.connect(() -> URI.create("ws://127.0.0.1:9/unused"));
    connection.socket().onOpen(lost);
    connection.socket().onError(lost, new java.io.IOException("reset"));

    assertThat(connection.startHeartbeat(lost, 10, beats::incrementAndGet)).isFalse();
    assertThat(connection.startHeartbeat(new IdleSocket(), 10, beats::incrementAndGet)).isFalse();
  }

  /** A socket that accepts everything and sends nothing. */
  private static final class IdleSocket implements WebSocket {
    @Override
    public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public void request(long n) {}

    @Override
    public String getSubprotocol() {
      return "";
    }

    @Override
    public boolean isOutputClosed() {
      return false;
    }

    @Override
    public boolean isInputClosed() {
      return false;
    }

    @Override
    public void abort() {}
  }
}
