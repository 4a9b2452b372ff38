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

/** The Responses API front over real HTTP, in front of chat-completions and Anthropic back-ends. */
class ResponsesFrontIT {
  private static final String SECRET = "responses-test-secret-0123456789";
  private static final String PROVIDER_KEY = "sk-provider-key-9z8y7x6w5v";
  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private ScriptedLlmServer provider;
  private GatewayServer server;
  private String token;

  /** What Codex sends on its second turn: its own prompt, tools of every kind, a call and its output. */
  private static final String CODEX_TOOL_TURN = """
      {"model":"on-gpt","instructions":"You are terse.","stream":false,"store":false,"parallel_tool_calls":true,
       "reasoning":{"summary":"auto"},"include":["reasoning.encrypted_content"],"tool_choice":"auto",
       "prompt_cache_key":"k1","client_metadata":{"turn_id":"t1"},
       "tools":[{"type":"function","name":"exec_command","description":"run","strict":false,
                 "parameters":{"type":"object","properties":{"cmd":{"type":"string"}},"required":["cmd"]}},
                {"type":"custom","name":"apply_patch","description":"patch","format":{"type":"grammar"}},
                {"type":"web_search","external_web_access":true},
                {"type":"namespace","name":"multi_agent_v1","tools":[]}],
       "input":[{"type":"message","role":"developer","content":[{"type":"input_text","text":"Sandbox: none."}]},
                {"type":"message","role":"user","content":[{"type":"input_text","text":"list the files"}]},
                {"type":"reasoning","id":"rs_1","summary":[],"encrypted_content":"gAAAA"},
                {"type":"function_call","id":"fc_1","call_id":"call_1","name":"exec_command","arguments":"{\\"cmd\\":\\"ls\\"}"},
                {"type":"function_call_output","call_id":"call_1","output":"README.md"}]}
      """;

  @BeforeEach
  void start() {
    provider = new ScriptedLlmServer().start(0).requireApiKey(PROVIDER_KEY);
    var gpt = new Deployment("gpt", "openai", provider.baseUrl(), "gpt-4o-mini", PROVIDER_KEY, "OPENAI_API_KEY", null, 0, 0);
    var claude = new Deployment("claude", "anthropic", provider.anthropicBaseUrl(), "claude-3-5-haiku", PROVIDER_KEY,
        "ANTHROPIC_API_KEY", null, 0, 0);
    var routes = new GatewayRoutes(Map.of("gpt", gpt, "claude", claude),
        Map.of("on-gpt", List.of(gpt), "on-claude", List.of(claude)));
    var gateway = Gateways.inMemory(routes, SECRET, Clock.systemUTC());
    server = new GatewayServer(gateway, mapper, 16384).start("127.0.0.1", 0);
    token = gateway.tokens().mint(new Caller("coder", "act-7", "acme", Instant.now().plusSeconds(60), 0, List.of()));
  }

  @AfterEach
  void stop() {
    server.close();
    provider.close();
  }

  private HttpResponse<String> post(String auth, String body) throws Exception {
    var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/responses"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (auth != null) {
      builder.header("Authorization", "Bearer " + auth);
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aCodexTurnWithToolsIsTranslatedToChatCompletionsAndTheCallComesBackAsAFunctionCallItem() throws Exception {
    provider.enqueue(ScriptedTurn.toolCall("exec_command", "{\"cmd\":\"cat README.md\"}").withUsage(50, 7));

    var response = post(token, CODEX_TOOL_TURN);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = mapper.readTree(response.body());
    assertThat(body.path("object").asText()).isEqualTo("response");
    assertThat(body.path("status").asText()).isEqualTo("completed");
    var call = body.path("output").get(0);
    assertThat(call.path("type").asText()).isEqualTo("function_call");
    assertThat(call.path("name").asText()).isEqualTo("exec_command");
    assertThat(call.path("call_id").asText()).startsWith("call_");
    assertThat(mapper.readTree(call.path("arguments").asText()).path("cmd").asText()).isEqualTo("cat README.md");
    assertThat(body.path("usage").path("input_tokens").asLong()).isEqualTo(50);
    assertThat(body.path("usage").path("output_tokens").asLong()).isEqualTo(7);
    assertThat(body.path("usage").path("total_tokens").asLong()).isEqualTo(57);

    var sent = provider.requests().getLast().json();
    var messages = sent.path("messages");
    assertThat(roles(messages)).containsExactly("system", "system", "user", "assistant", "tool");
    assertThat(messages.get(0).path("content").asText()).isEqualTo("You are terse.");
    assertThat(messages.get(3).path("tool_calls").get(0).path("id").asText()).isEqualTo("call_1");
    assertThat(messages.get(4).path("tool_call_id").asText()).isEqualTo("call_1");
    assertThat(messages.get(4).path("content").asText()).isEqualTo("README.md");
    assertThat(sent.path("tools")).hasSize(1);
    assertThat(sent.path("tools").get(0).path("function").path("name").asText()).isEqualTo("exec_command");
  }

  @Test
  void aStreamedAnswerFromAnAnthropicModelIsTheResponsesEventSequence() throws Exception {
    provider.enqueue(ScriptedTurn.text("hello from claude").withUsage(30, 4));

    var response = post(token, """
        {"model":"on-claude","stream":true,"instructions":"be nice","input":"hi"}""");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
    var events = events(response.body());
    var types = events.stream().map(e -> e.path("type").asText()).distinct().toList();
    assertThat(types).containsExactly("response.created", "response.in_progress", "response.output_item.added",
        "response.content_part.added", "response.output_text.delta", "response.output_text.done",
        "response.content_part.done", "response.output_item.done", "response.completed");
    var text = new StringBuilder();
    events.stream().filter(e -> e.path("type").asText().equals("response.output_text.delta"))
        .forEach(e -> text.append(e.path("delta").asText()));
    assertThat(text).hasToString("hello from claude");
    var completed = events.getLast().path("response");
    assertThat(completed.path("status").asText()).isEqualTo("completed");
    assertThat(completed.path("output").get(0).path("content").get(0).path("text").asText())
        .isEqualTo("hello from claude");
    assertThat(completed.path("usage").path("input_tokens").asLong()).isEqualTo(30);
    assertThat(completed.path("usage").path("output_tokens").asLong()).isEqualTo(4);
    assertThat(events.stream().map(e -> e.path("sequence_number").asInt()).toList())
        .isSortedAccordingTo(Integer::compare).doesNotHaveDuplicates();
    assertThat(provider.requests().getLast().json().path("system").asText()).isEqualTo("be nice");
  }

  @Test
  void aStreamedToolCallArrivesAsArgumentDeltasAndADoneItem() throws Exception {
    provider.enqueue(ScriptedTurn.toolCall("exec_command", "{\"cmd\":\"ls -la\"}"));

    var response = post(token, CODEX_TOOL_TURN.replace("\"stream\":false", "\"stream\":true"));

    var events = events(response.body());
    var arguments = new StringBuilder();
    events.stream().filter(e -> e.path("type").asText().equals("response.function_call_arguments.delta"))
        .forEach(e -> arguments.append(e.path("delta").asText()));
    assertThat(arguments).hasToString("{\"cmd\":\"ls -la\"}");
    var added = events.stream().filter(e -> e.path("type").asText().equals("response.output_item.added")).toList();
    assertThat(added).hasSize(1);
    assertThat(added.getFirst().path("item").path("type").asText()).isEqualTo("function_call");
    var done = events.stream().filter(e -> e.path("type").asText().equals("response.output_item.done")).toList();
    assertThat(done.getFirst().path("item").path("arguments").asText()).isEqualTo("{\"cmd\":\"ls -la\"}");
    assertThat(done.getFirst().path("item").path("call_id").asText())
        .isEqualTo(added.getFirst().path("item").path("call_id").asText());
    assertThat(events.getLast().path("type").asText()).isEqualTo("response.completed");
    assertThat(events.getLast().path("response").path("output").get(0).path("name").asText()).isEqualTo("exec_command");
  }

  @Test
  void aStreamBrokenAfterTheFirstTokenEndsWithResponseFailed() throws Exception {
    // role chunk, two text chunks, then the connection drops
    provider.enqueue(ScriptedTurn.text("one two three four five").cutStreamAfter(3));

    var events = events(post(token, "{\"model\":\"on-gpt\",\"stream\":true,\"input\":\"count\"}").body());

    assertThat(events.stream().map(e -> e.path("type").asText())).contains("response.output_text.delta")
        .doesNotContain("response.completed");
    var failed = events.getLast();
    assertThat(failed.path("type").asText()).isEqualTo("response.failed");
    assertThat(failed.path("response").path("status").asText()).isEqualTo("failed");
    assertThat(failed.path("response").path("error").path("code").asText()).isEqualTo("server_error");
    assertThat(failed.path("response").path("error").path("message").asText()).isNotBlank();
  }

  @Test
  void anAnswerCutByTheTokenLimitIsIncomplete() throws Exception {
    provider.enqueue(ScriptedTurn.text("a long").withFinishReason("length"), ScriptedTurn.text("again").withFinishReason("length"));

    var whole = mapper.readTree(post(token, "{\"model\":\"on-gpt\",\"max_output_tokens\":16,\"input\":\"go\"}").body());
    var streamed = events(post(token, "{\"model\":\"on-gpt\",\"stream\":true,\"input\":\"go\"}").body());

    assertThat(whole.path("status").asText()).isEqualTo("incomplete");
    assertThat(whole.path("incomplete_details").path("reason").asText()).isEqualTo("max_output_tokens");
    assertThat(provider.requests().getFirst().json().path("max_tokens").asInt()).isEqualTo(16);
    assertThat(streamed.getLast().path("type").asText()).isEqualTo("response.incomplete");
  }

  @Test
  void theProviderSeesItsKeyAndNeverTheActivationToken() throws Exception {
    provider.enqueue(ScriptedTurn.text("ok"));

    post(token, "{\"model\":\"on-gpt\",\"input\":\"hi\"}");

    var sent = provider.requests().getLast();
    assertThat(sent.header("authorization")).isEqualTo("Bearer " + PROVIDER_KEY);
    assertThat(sent.headers().toString() + sent.raw()).doesNotContain(token);
    assertThat(post(PROVIDER_KEY, "{\"model\":\"on-gpt\",\"input\":\"hi\"}").statusCode()).isEqualTo(401);
  }

  @Test
  void badInputGetsAResponsesStyle4xxAndReachesNoProvider() throws Exception {
    var noModel = post(token, "{\"input\":\"hi\"}");
    var noInput = post(token, "{\"model\":\"on-gpt\"}");
    var stateful = post(token, "{\"model\":\"on-gpt\",\"input\":\"hi\",\"previous_response_id\":\"resp_1\"}");
    var orphanOutput = post(token, """
        {"model":"on-gpt","input":[{"type":"function_call_output","call_id":"call_9","output":"x"}]}""");
    var unanswered = post(token, """
        {"model":"on-gpt","tools":[{"type":"function","name":"f","parameters":{"type":"object"}}],
         "input":[{"type":"function_call","call_id":"c1","name":"f","arguments":"{}"},{"role":"user","content":"go on"}]}""");
    var image = post(token, """
        {"model":"on-gpt","input":[{"role":"user","content":[{"type":"input_image","image_url":"data:x"}]}]}""");
    var unknownModel = post(token, "{\"model\":\"gpt-9\",\"input\":\"hi\"}");

    assertThat(List.of(noModel, noInput, stateful, orphanOutput, unanswered, image))
        .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(400));
    assertThat(error(noModel).path("param").asText()).isEqualTo("model");
    assertThat(error(noInput).path("code").asText()).isEqualTo("missing_required_parameter");
    assertThat(error(stateful).path("param").asText()).isEqualTo("previous_response_id");
    assertThat(error(orphanOutput).path("message").asText()).contains("call_9");
    assertThat(error(unanswered).path("message").asText()).contains("No tool output found");
    assertThat(error(image).path("param").asText()).isEqualTo("input[0].content[0].type");
    assertThat(unknownModel.statusCode()).isEqualTo(404);
    assertThat(error(unknownModel).path("code").asText()).isEqualTo("model_not_found");
    assertThat(provider.requests()).isEmpty();
  }

  private JsonNode error(HttpResponse<String> response) throws Exception {
    return mapper.readTree(response.body()).path("error");
  }

  private List<String> roles(JsonNode messages) {
    var roles = new ArrayList<String>();
    messages.forEach(m -> roles.add(m.path("role").asText()));
    return roles;
  }

  private List<JsonNode> events(String body) throws Exception {
    var events = new ArrayList<JsonNode>();
    for (var line : body.split("\n")) {
      if (line.startsWith("data: ")) {
        events.add(mapper.readTree(line.substring(6)));
      }
    }
    return events;
  }
}
