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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP fronts over real HTTP: translation both ways, streaming, tokens and bad input. */
class GatewayServerIT {
  private static final String SECRET = "front-test-secret-0123456789";
  private static final String PROVIDER_KEY = "sk-provider-key-0a1b2c3d4e";
  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private ScriptedLlmServer provider;
  private GatewayServer server;
  private String token;

  @BeforeEach
  void start() {
    provider = new ScriptedLlmServer().start(0).requireApiKey(PROVIDER_KEY);
    var gpt = new Deployment("gpt", "openai", provider.baseUrl(), "gpt-4o-mini", PROVIDER_KEY, "OPENAI_API_KEY", null, 0, 0);
    var claude = new Deployment("claude", "anthropic", provider.anthropicBaseUrl(), "claude-3-5-haiku", PROVIDER_KEY,
        "ANTHROPIC_API_KEY", null, 0, 0);
    var routes = new GatewayRoutes(Map.of("gpt", gpt, "claude", claude),
        Map.of("on-gpt", List.of(gpt), "on-claude", List.of(claude)));
    var gateway = Gateways.inMemory(routes, SECRET, Clock.systemUTC());
    server = new GatewayServer(gateway, mapper, 4096).start("127.0.0.1", 0);
    token = gateway.tokens().mint(new Caller("coder", "act-7", "acme", Instant.now().plusSeconds(60), 0, List.of()));
  }

  @AfterEach
  void stop() {
    server.close();
    provider.close();
  }

  private HttpResponse<String> post(String path, String auth, String body) throws Exception {
    var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Content-Type", "application/json").header("anthropic-version", "2023-06-01")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (auth != null) {
      builder.header("Authorization", "Bearer " + auth);
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static final String ANTHROPIC_TOOL_TURN = """
      {"model":"on-gpt","max_tokens":200,"system":"You are terse.",
       "tools":[{"name":"search","description":"find","input_schema":{"type":"object","properties":{"q":{"type":"string"}}}}],
       "messages":[{"role":"user","content":"find redis"},
         {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"search","input":{"q":"redis"}}]},
         {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"Redis 7.2 notes"}]}]}
      """;

  @Test
  void anAnthropicClientRunsOnAnOpenAiModelWithToolsTranslatedBothWays() throws Exception {
    provider.enqueue(ScriptedTurn.toolCall("search", "{\"q\":\"7.2\"}"));

    var response = post("/v1/messages", token, ANTHROPIC_TOOL_TURN);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = mapper.readTree(response.body());
    assertThat(body.path("stop_reason").asText()).isEqualTo("tool_use");
    assertThat(body.path("content").get(0).path("type").asText()).isEqualTo("tool_use");
    assertThat(body.path("content").get(0).path("input").path("q").asText()).isEqualTo("7.2");
    var sent = provider.requests().getLast();
    assertThat(sent.path()).isEqualTo("/v1/chat/completions");
    assertThat(sent.json().path("messages").get(0).path("role").asText()).isEqualTo("system");
    assertThat(sent.json().path("messages").get(3).path("role").asText()).isEqualTo("tool");
    assertThat(sent.json().path("messages").get(3).path("tool_call_id").asText()).isEqualTo("toolu_1");
  }

  @Test
  void anOpenAiClientStreamsFromAnAnthropicModel() throws Exception {
    provider.enqueue(ScriptedTurn.text("hello from claude").withUsage(30, 4));

    var response = post("/v1/chat/completions", token, """
        {"model":"on-claude","stream":true,"messages":[{"role":"system","content":"be nice"},{"role":"user","content":"hi"}]}
        """);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
    var text = new StringBuilder();
    String finish = null;
    JsonNode usage = null;
    for (var line : response.body().split("\n")) {
      if (!line.startsWith("data: ") || line.equals("data: [DONE]")) {
        continue;
      }
      var chunk = mapper.readTree(line.substring(6));
      var choice = chunk.path("choices").path(0);
      text.append(choice.path("delta").path("content").asText(""));
      if (choice.path("finish_reason").isTextual()) {
        finish = choice.path("finish_reason").asText();
      }
      if (chunk.path("usage").isObject()) {
        usage = chunk.path("usage");
      }
    }
    assertThat(text).hasToString("hello from claude");
    assertThat(finish).isEqualTo("stop");
    assertThat(usage.path("prompt_tokens").asLong()).isEqualTo(30);
    assertThat(response.body()).endsWith("data: [DONE]\n\n");
    assertThat(provider.requests().getLast().json().path("system").asText()).isEqualTo("be nice");
  }

  @Test
  void aStreamedAnswerNamesTheModelThatServedItAsTheWholeAnswerDoes() throws Exception {
    provider.enqueue(ScriptedTurn.text("whole answer"), ScriptedTurn.text("streamed answer"),
        ScriptedTurn.text("streamed message"));
    var request = "{\"model\":\"on-claude\",\"max_tokens\":50,%s\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    var whole = mapper.readTree(post("/v1/chat/completions", token, request.formatted("")).body());
    var streamed = post("/v1/chat/completions", token, request.formatted("\"stream\":true,")).body();
    var anthropic = post("/v1/messages", token, request.formatted("\"stream\":true,")).body();

    assertThat(whole.path("model").asText()).isEqualTo("claude-3-5-haiku");
    var models = new java.util.ArrayList<String>();
    for (var line : streamed.split("\n")) {
      if (line.startsWith("data: {")) {
        models.add(mapper.readTree(line.substring(6)).path("model").asText());
      }
    }
    assertThat(models).hasSizeGreaterThan(3).containsOnly("claude-3-5-haiku");
    assertThat(anthropic).contains("\"model\":\"claude-3-5-haiku\"").doesNotContain("\"model\":\"on-claude\"");
  }

  @Test
  void anAnthropicClientStreamsToolUseFromAnOpenAiModel() throws Exception {
    provider.enqueue(ScriptedTurn.toolCall("search", "{\"q\":\"x\"}"));

    var response = post("/v1/messages", token, ANTHROPIC_TOOL_TURN.replace("\"max_tokens\":200", "\"max_tokens\":200,\"stream\":true"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("event: message_start", "\"type\":\"tool_use\"", "\"partial_json\":\"{\\\"q\\\":\\\"x\\\"}\"",
        "\"stop_reason\":\"tool_use\"", "event: message_stop");
  }

  @Test
  void theProviderSeesItsKeyAndNeverTheActivationToken() throws Exception {
    provider.enqueue(ScriptedTurn.text("ok"));

    post("/v1/chat/completions", token, "{\"model\":\"on-gpt\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

    var sent = provider.requests().getLast();
    assertThat(sent.header("authorization")).isEqualTo("Bearer " + PROVIDER_KEY);
    assertThat(sent.headers().toString() + sent.raw()).doesNotContain(token);
  }

  @Test
  void missingExpiredAndForeignTokensGet401AndReachNoProvider() throws Exception {
    var request = "{\"model\":\"on-gpt\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    var expired = Gateways.inMemory(GatewayRoutes.empty(), SECRET, Clock.systemUTC()).tokens()
        .mint(new Caller("coder", "act-old", "acme", Instant.now().minusSeconds(1), 0, List.of()));
    var foreign = Gateways.inMemory(GatewayRoutes.empty(), "another-secret-0123456789", Clock.systemUTC()).tokens()
        .mint(new Caller("coder", "act-7", "acme", Instant.now().plusSeconds(60), 0, List.of()));

    assertThat(post("/v1/chat/completions", null, request).statusCode()).isEqualTo(401);
    assertThat(post("/v1/chat/completions", expired, request).body()).contains("Expired gateway token");
    assertThat(post("/v1/messages", foreign, request).statusCode()).isEqualTo(401);
    assertThat(post("/v1/chat/completions", PROVIDER_KEY, request).statusCode()).isEqualTo(401);
    assertThat(provider.requests()).isEmpty();
  }

  @Test
  void badInputGetsAProviderStyle4xxAndReachesNoProvider() throws Exception {
    var malformed = post("/v1/chat/completions", token, "{not json");
    var unknown = post("/v1/chat/completions", token, "{\"model\":\"gpt-9\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    var tooBig = post("/v1/chat/completions", token, "{\"model\":\"on-gpt\",\"messages\":[{\"role\":\"user\",\"content\":\""
        + "x".repeat(5000) + "\"}]}");
    var badSchema = post("/v1/messages", token, """
        {"model":"on-gpt","max_tokens":10,"tools":[{"name":"t","input_schema":{"type":"string"}}],
         "messages":[{"role":"user","content":"hi"}]}""");

    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(mapper.readTree(malformed.body()).path("error").path("code").asText()).isEqualTo("invalid_json");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(mapper.readTree(unknown.body()).path("error").path("code").asText()).isEqualTo("model_not_found");
    assertThat(tooBig.statusCode()).isEqualTo(413);
    assertThat(badSchema.statusCode()).isEqualTo(400);
    assertThat(mapper.readTree(badSchema.body()).path("type").asText()).isEqualTo("error");
    assertThat(provider.requests()).isEmpty();
  }
}
