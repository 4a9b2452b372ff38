package io.botburrow.devkit.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScriptedLlmServerIT {
  private static final String HELLO = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";

  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final ScriptedLlmServer server = new ScriptedLlmServer().start(0);

  @AfterEach
  void stop() {
    server.close();
  }

  record Answer(int status, JsonNode body, HttpResponse<String> raw) {}

  private Answer post(String path, String body, Map<String, String> headers) throws Exception {
    var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(builder::header);
    var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), mapper.readTree(response.body()), response);
  }

  private CompletableFuture<Answer> postAsync(String body) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return post("/v1/chat/completions", body, Map.of());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  void answersInvalidJsonWithAnOpenAiStyleError() throws Exception {
    var answer = post("/v1/chat/completions", "{not json", Map.of());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().at("/error/type").asText()).isEqualTo("invalid_request_error");
    assertThat(answer.body().at("/error/code").asText()).isEqualTo("invalid_json");
    assertThat(answer.body().at("/error").has("param")).isTrue();
    assertThat(server.requests()).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.rejected()).isTrue();
      assertThat(r.raw()).isEqualTo("{not json");
    });
  }

  @Test
  void servesTheChatPathWithAndWithoutTheV1Prefix() throws Exception {
    server.enqueue(ScriptedTurn.text("one"), ScriptedTurn.text("two"));

    var first = post("/v1/chat/completions", HELLO, Map.of());
    var second = post("/chat/completions", HELLO, Map.of());

    assertThat(first.body().at("/choices/0/message/content").asText()).isEqualTo("one");
    assertThat(second.body().at("/choices/0/message/content").asText()).isEqualTo("two");
    assertThat(first.body().at("/usage/prompt_tokens").asLong()).isPositive();
    assertThat(first.body().at("/object").asText()).isEqualTo("chat.completion");
  }

  @Test
  void requiresTheConfiguredApiKey() throws Exception {
    server.requireApiKey("sk-1").enqueue(ScriptedTurn.text("ok"));

    var missing = post("/v1/chat/completions", HELLO, Map.of());
    var wrong = post("/v1/chat/completions", HELLO, Map.of("Authorization", "Bearer sk-2"));
    var right = post("/v1/chat/completions", HELLO, Map.of("Authorization", "Bearer sk-1"));

    assertThat(missing.status()).isEqualTo(401);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body().at("/error/code").asText()).isEqualTo("invalid_api_key");
    assertThat(right.status()).isEqualTo(200);
  }

  @Test
  void listsModels() throws Exception {
    server.models("a", "b");
    var response = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(mapper.readTree(response.body()).findValuesAsText("id")).containsExactly("a", "b");
  }

  @Test
  void repliesPerConversationKeyBeforeTheGlobalQueue() throws Exception {
    server.enqueue(ScriptedTurn.text("global"));
    server.enqueueFor("pirate-captain", ScriptedTurn.text("Arr!"));
    var pirate = "{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"You are pirate-captain.\"},"
        + "{\"role\":\"user\",\"content\":\"hello\"}]}";

    var other = post("/v1/chat/completions", HELLO, Map.of());
    var captain = post("/v1/chat/completions", pirate, Map.of());

    assertThat(other.body().at("/choices/0/message/content").asText()).isEqualTo("global");
    assertThat(captain.body().at("/choices/0/message/content").asText()).isEqualTo("Arr!");
  }

  @Test
  void unscriptedRequestsGetTheDefaultResponderOrAClearError() throws Exception {
    var unscripted = post("/v1/chat/completions", HELLO, Map.of());
    server.defaultResponder(request -> ScriptedTurn.text("default for " + request.model()));
    var defaulted = post("/v1/chat/completions", HELLO, Map.of());

    assertThat(unscripted.status()).isEqualTo(400);
    assertThat(unscripted.body().at("/error/code").asText()).isEqualTo("no_scripted_turn");
    assertThat(defaulted.body().at("/choices/0/message/content").asText()).isEqualTo("default for m");
  }

  @Test
  void sendsScriptedErrorsWithTheirHeaders() throws Exception {
    server.enqueue(ScriptedTurn.error(429, "Rate limit reached").withHeader("Retry-After", "3"));

    var answer = post("/v1/chat/completions", HELLO, Map.of());

    assertThat(answer.status()).isEqualTo(429);
    assertThat(answer.raw().headers().firstValue("Retry-After")).contains("3");
    assertThat(answer.body().at("/error/message").asText()).isEqualTo("Rate limit reached");
  }

  @Test
  void aHeldTurnBlocksUntilReleased() throws Exception {
    server.enqueue(ScriptedTurn.text("finally").hold());

    var pending = postAsync(HELLO);
    var held = server.awaitHeld();

    assertThat(held.request().contains("hello")).isTrue();
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> !pending.isDone());
    held.release();
    assertThat(pending.get().body().at("/choices/0/message/content").asText()).isEqualTo("finally");
  }

  @Test
  void closingReleasesHeldTurns() {
    server.enqueue(ScriptedTurn.text("x").hold());
    var pending = postAsync(HELLO);
    var held = server.awaitHeld();

    server.close();

    assertThat(held.isReleased()).isTrue();
    await().atMost(Duration.ofSeconds(5)).until(pending::isDone);
  }

  @Test
  void recordsRequestsForAssertions() throws Exception {
    server.enqueue(ScriptedTurn.text("a"), ScriptedTurn.text("b"));

    post("/v1/chat/completions", HELLO, Map.of());
    post("/v1/chat/completions", HELLO.replace("hello", "goodbye"), Map.of());

    assertThat(server.requestsContaining("goodbye")).singleElement()
        .satisfies(r -> assertThat(r.chat().messages()).hasSize(1));
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void unknownPathsGet404() throws Exception {
    var answer = post("/v1/embeddings", HELLO, Map.of());

    assertThat(answer.status()).isEqualTo(404);
  }
}
