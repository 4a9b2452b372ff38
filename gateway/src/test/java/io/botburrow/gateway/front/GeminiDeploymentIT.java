package io.botburrow.gateway.front;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.devkit.llm.ScriptedLlmServer;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.gateway.Gateways;
import io.botburrow.gateway.auth.Caller;
import io.botburrow.gateway.routing.Deployment;
import io.botburrow.gateway.routing.GatewayRoutes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Anthropic- and OpenAI-format callers on a Gemini deployment over real HTTP: tool definitions, calls and
 * results translated both ways, whole and streamed, the key in {@code x-goog-api-key}, never the token.
 */
class GeminiDeploymentIT {
  private static final String SECRET = "gemini-test-secret-0123456789";
  private static final String GEMINI_KEY = "AIza-provider-key-0a1b2c3d4e";
  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private ScriptedLlmServer gemini;
  private ScriptedLlmServer backup;
  private GatewayServer server;
  private String token;

  @BeforeEach
  void start() {
    gemini = new ScriptedLlmServer().start(0).requireApiKey(GEMINI_KEY);
    backup = new ScriptedLlmServer().start(0);
    var flash = new Deployment("flash", "gemini", gemini.geminiBaseUrl(), "gemini-2.5-flash", GEMINI_KEY,
        "GEMINI_API_KEY", null, 0, 0);
    var gpt = new Deployment("gpt", "openai", backup.baseUrl(), "gpt-4o-mini", "");
    var gateway = Gateways.inMemory(new GatewayRoutes(Map.of("flash", flash, "gpt", gpt),
        Map.of("fast", List.of(flash), "flash-then-gpt", List.of(flash, gpt))), SECRET, Clock.systemUTC());
    server = new GatewayServer(gateway, mapper, 65536).start("127.0.0.1", 0);
    token = gateway.tokens().mint(new Caller("coder", "act-9", "acme", Instant.now().plusSeconds(60), 0, List.of()));
  }

  @AfterEach
  void stop() {
    server.close();
    gemini.close();
    backup.close();
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Content-Type", "application/json").header("anthropic-version", "2023-06-01")
        .header(path.equals("/v1/messages") ? "x-api-key" : "Authorization",
            path.equals("/v1/messages") ? token : "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static final String ANTHROPIC_TOOL_TURN = """
      {"model":"fast","max_tokens":200,"system":"You are terse.",
       "tools":[{"name":"search","description":"find","input_schema":{"type":"object","additionalProperties":false,
         "properties":{"q":{"type":"string"}},"required":["q"]}}],
       "messages":[{"role":"user","content":"find redis"},
         {"role":"assistant","content":[{"type":"text","text":"Looking."},
           {"type":"tool_use","id":"toolu_1","name":"search","input":{"q":"redis"}}]},
         {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"Redis 7.2 notes"}]}]}
      """;

  private static final String OPENAI_TOOL_TURN = """
      {"model":"fast","max_tokens":200,
       "tools":[{"type":"function","function":{"name":"search","description":"find",
         "parameters":{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{"q":{"type":"string"}}}}}],
       "messages":[{"role":"system","content":"You are terse."},{"role":"user","content":"find redis"},
         {"role":"assistant","content":null,"tool_calls":[{"id":"call_a","type":"function",
           "function":{"name":"search","arguments":"{\\"q\\":\\"redis\\"}"}}]},
         {"role":"tool","tool_call_id":"call_a","content":"Redis 7.2 notes"}]}
      """;

  @Test
  void anAnthropicClientRunsOnGeminiWithToolsTranslatedBothWays() throws Exception {
    gemini.enqueue(ScriptedTurn.toolCall("search", "{\"q\":\"7.2\"}").withUsage(40, 6));

    var response = post("/v1/messages", ANTHROPIC_TOOL_TURN);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = mapper.readTree(response.body());
    assertThat(body.path("stop_reason").asText()).isEqualTo("tool_use");
    assertThat(body.at("/content/0/type").asText()).isEqualTo("tool_use");
    assertThat(body.at("/content/0/name").asText()).isEqualTo("search");
    assertThat(body.at("/content/0/input/q").asText()).isEqualTo("7.2");
    assertThat(body.at("/usage/input_tokens").asLong()).isEqualTo(40);
    var sent = gemini.requests().getLast();
    assertThat(sent.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
    assertThat(sent.json().at("/systemInstruction/parts/0/text").asText()).isEqualTo("You are terse.");
    assertThat(sent.json().at("/contents/1/role").asText()).isEqualTo("model");
    assertThat(sent.json().at("/contents/1/parts/1/functionCall/args/q").asText()).isEqualTo("redis");
    assertThat(sent.json().at("/contents/2/parts/0/functionResponse/name").asText()).isEqualTo("search");
    assertThat(sent.json().at("/contents/2/parts/0/functionResponse/response/content").asText())
        .isEqualTo("Redis 7.2 notes");
    assertThat(sent.json().at("/tools/0/functionDeclarations/0/parameters/required/0").asText()).isEqualTo("q");
  }

  @Test
  void anOpenAiClientRunsOnGeminiWithToolsTranslatedBothWays() throws Exception {
    gemini.enqueue(ScriptedTurn.toolCall("search", "{\"q\":\"7.2\"}"));

    var response = post("/v1/chat/completions", OPENAI_TOOL_TURN);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode choice = mapper.readTree(response.body()).at("/choices/0");
    assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
    assertThat(choice.at("/message/tool_calls/0/function/name").asText()).isEqualTo("search");
    assertThat(mapper.readTree(choice.at("/message/tool_calls/0/function/arguments").asText()).path("q").asText())
        .isEqualTo("7.2");
    var sent = gemini.requests().getLast().chat();
    assertThat(sent.messages()).hasSize(4);
    assertThat(sent.tools()).singleElement().satisfies(tool -> assertThat(tool.name()).isEqualTo("search"));
  }

  @Test
  void anAnthropicClientStreamsToolUseFromGemini() throws Exception {
    gemini.enqueue(ScriptedTurn.toolCall("search", "{\"q\":\"x\"}"));

    var response = post("/v1/messages", ANTHROPIC_TOOL_TURN.replace("\"max_tokens\":200", "\"max_tokens\":200,\"stream\":true"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("event: message_start", "\"type\":\"tool_use\"", "\"name\":\"search\"",
        "\"partial_json\":\"{\\\"q\\\":\\\"x\\\"}\"", "\"stop_reason\":\"tool_use\"", "event: message_stop");
    assertThat(gemini.requests().getLast().path()).endsWith(":streamGenerateContent");
  }

  @Test
  void anOpenAiClientStreamsTextFromGeminiWithUsageLast() throws Exception {
    gemini.enqueue(ScriptedTurn.text("hello from gemini").withUsage(30, 4));

    var response = post("/v1/chat/completions", """
        {"model":"fast","stream":true,"messages":[{"role":"system","content":"be nice"},{"role":"user","content":"hi"}]}
        """);

    assertThat(response.statusCode()).isEqualTo(200);
    var text = new StringBuilder();
    var finishes = new ArrayList<String>();
    JsonNode usage = null;
    for (var line : response.body().split("\n")) {
      if (!line.startsWith("data: ") || line.equals("data: [DONE]")) {
        continue;
      }
      var chunk = mapper.readTree(line.substring(6));
      var choice = chunk.path("choices").path(0);
      text.append(choice.path("delta").path("content").asText(""));
      if (choice.path("finish_reason").isTextual()) {
        finishes.add(choice.path("finish_reason").asText());
      }
      if (chunk.path("usage").isObject()) {
        usage = chunk.path("usage");
      }
    }
    assertThat(text).hasToString("hello from gemini");
    assertThat(finishes).containsExactly("stop");
    assertThat(usage.path("prompt_tokens").asLong()).isEqualTo(30);
    assertThat(usage.path("completion_tokens").asLong()).isEqualTo(4);
    assertThat(response.body()).endsWith("data: [DONE]\n\n");
  }

  @Test
  void geminiGetsItsKeyInItsHeaderAndNeverTheActivationToken() throws Exception {
    gemini.enqueue(ScriptedTurn.text("one"), ScriptedTurn.text("two"));

    post("/v1/chat/completions", "{\"model\":\"fast\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    post("/v1/messages", "{\"model\":\"fast\",\"max_tokens\":50,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

    assertThat(gemini.requests()).hasSize(2).allSatisfy(request -> {
      assertThat(request.status()).isEqualTo(200);
      assertThat(request.headers()).containsEntry("x-goog-api-key", GEMINI_KEY)
          .doesNotContainKeys("authorization", "x-api-key");
      assertThat(request.headers().values()).noneMatch(value -> value.contains(token));
      assertThat(request.raw()).doesNotContain(token);
      assertThat(request.path()).doesNotContain(token).doesNotContain(GEMINI_KEY);
    });
  }

  @Test
  void aGeminiStreamCutBeforeItsFirstTokenFallsBackAndGeminiRestsForTheNextCall() throws Exception {
    for (int i = 0; i < 3; i++) {
      gemini.enqueue(ScriptedTurn.text("never seen").cutStreamAfter(0));
    }
    backup.enqueue(ScriptedTurn.text("from the backup"), ScriptedTurn.text("backup again"));
    var streamed = "{\"model\":\"flash-then-gpt\",\"max_tokens\":50,\"stream\":true,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    var cut = post("/v1/messages", streamed);
    var rested = post("/v1/chat/completions", streamed.replace("\"max_tokens\":50,", ""));

    assertThat(cut.statusCode()).isEqualTo(200);
    assertThat(cut.body()).contains("\"text\":\"from \"", "event: message_stop").doesNotContain("never");
    assertThat(rested.statusCode()).isEqualTo(200);
    assertThat(rested.body()).contains("backup ").endsWith("data: [DONE]\n\n");
    // three tries of the cut stream (two transient retries), none for the second call: it rests
    assertThat(gemini.requests()).hasSize(3).allSatisfy(r -> assertThat(r.path()).endsWith(":streamGenerateContent"));
    assertThat(backup.requests()).hasSize(2);
  }

  @Test
  void aGeminiFailureReachesTheCallerAsItsOwnFormatsError() throws Exception {
    gemini.enqueue(ScriptedTurn.error(400, "Invalid argument"));

    var response = post("/v1/messages", "{\"model\":\"fast\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(mapper.readTree(response.body()).path("type").asText()).isEqualTo("error");
  }
}
