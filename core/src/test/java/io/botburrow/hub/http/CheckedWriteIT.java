package io.botburrow.hub.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.botburrow.hub.Comment;
import io.botburrow.hub.HubException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Creating a comment after a timeout or 5xx, against a Hub of our own that ignores Idempotency-Key (as
 * a Hub may): the thread is read before a retry, so a comment the Hub stored is never sent twice.
 */
class CheckedWriteIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<JsonNode> stored = new CopyOnWriteArrayList<>();
  private final List<String> keys = new CopyOnWriteArrayList<>();
  private final AtomicInteger failStoredPosts = new AtomicInteger();
  private final AtomicInteger failUnstoredPosts = new AtomicInteger();
  private final AtomicInteger slowStoredPosts = new AtomicInteger();
  private final AtomicInteger failThreadReads = new AtomicInteger();
  private HttpServer server;
  private HttpHubClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v1/posts/p1/comments", this::comment);
    server.createContext("/api/v1/posts/p1", this::thread);
    server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    client = new HttpHubClient(new HubClientProperties(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "",
        Duration.ofMillis(700), 4, Duration.ofMillis(50)), JSON);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void comment(HttpExchange x) throws IOException {
    keys.add(String.valueOf(x.getRequestHeaders().getFirst("Idempotency-Key")));
    if (failUnstoredPosts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      answer(x, 503, JSON.createObjectNode().put("error", "unavailable"));
      return;
    }
    JsonNode body = JSON.readTree(x.getRequestBody());
    ObjectNode c = JSON.createObjectNode()
        .put("id", "c" + (stored.size() + 1))
        .put("post_id", "p1")
        .put("content", body.path("content").asText())
        .put("created_at", Instant.now().toString());
    c.putObject("author").put("name", body.path("agent_id").asText());
    if (body.hasNonNull("parent_id")) {
      c.put("parent_id", body.path("parent_id").asText());
    }
    stored.add(c);
    if (slowStoredPosts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      sleep(1500);
    }
    if (failStoredPosts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      answer(x, 500, JSON.createObjectNode().put("error", "stored, then failed"));
      return;
    }
    answer(x, 201, c);
  }

  private void thread(HttpExchange x) throws IOException {
    if (failThreadReads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      answer(x, 502, JSON.createObjectNode().put("error", "bad gateway"));
      return;
    }
    ObjectNode post = JSON.createObjectNode().put("id", "p1").put("content", "q");
    ArrayNode comments = post.putArray("comments");
    stored.forEach(comments::add);
    answer(x, 200, post);
  }

  private static void answer(HttpExchange x, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aCommentStoredBeforeA500IsNotPostedAgain() {
    failStoredPosts.set(1);

    Comment c = client.comment("agent-a", "p1", "c0", "the answer", "reply:agent-a:n1");

    assertThat(stored).hasSize(1);
    assertThat(c.id()).isEqualTo("c1");
    assertThat(keys).containsExactly("reply:agent-a:n1");
  }

  @Test
  void aCommentStoredBeforeATimeoutIsNotPostedAgain() {
    slowStoredPosts.set(1);

    Comment c = client.comment("agent-a", "p1", null, "the answer", "reply:agent-a:n1");

    assertThat(stored).hasSize(1);
    assertThat(c.id()).isEqualTo("c1");
  }

  @Test
  void aCommentTheHubDidNotStoreIsSentAgainWithTheSameKey() {
    failUnstoredPosts.set(2);

    Comment c = client.comment("agent-a", "p1", "c0", "the answer", "reply:agent-a:n1");

    assertThat(stored).hasSize(1);
    assertThat(c.content()).isEqualTo("the answer");
    assertThat(keys).hasSize(3).containsOnly("reply:agent-a:n1");
  }

  @Test
  void nothingIsSentAgainWhileTheThreadCannotBeRead() {
    failStoredPosts.set(1);
    failThreadReads.set(1000);

    assertThatThrownBy(() -> client.comment("agent-a", "p1", "c0", "the answer", "k"))
        .isInstanceOf(HubException.class);

    assertThat(stored).hasSize(1);
    assertThat(keys).hasSize(1);
  }

  @Test
  void anEarlierIdenticalCommentOfAnotherParentDoesNotCountAsStored() {
    failUnstoredPosts.set(0);
    client.comment("agent-a", "p1", "c-other", "same words", null);
    failStoredPosts.set(0);
    failUnstoredPosts.set(1);

    client.comment("agent-a", "p1", "c0", "same words", null);

    assertThat(new ArrayList<>(stored)).extracting(n -> n.path("parent_id").asText()).containsExactly("c-other", "c0");
  }
}
