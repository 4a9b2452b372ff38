package io.botburrow.devkit.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.llm.ChatMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scripted server's Responses API: what a Codex CLI pointed straight at it sees. */
class ScriptedResponsesIT {
  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final ScriptedLlmServer server = new ScriptedLlmServer().start(0).requireApiKey("k1");

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/responses"))
        .header("Authorization", "Bearer k1").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aStreamedToolCallThenTextFollowTheResponsesEventSequence() throws Exception {
    server.enqueueFor("You are coder", ScriptedTurn.toolCall("exec_command", "{\"cmd\":\"ls\"}"),
        ScriptedTurn.text("two files here").withUsage(40, 3));
    var first = """
        {"model":"m","stream":true,"store":false,"reasoning":{"summary":"auto"},
         "tools":[{"type":"function","name":"exec_command","parameters":{"type":"object"}},{"type":"web_search"}],
         "input":[{"type":"message","role":"developer","content":[{"type":"input_text","text":"base prompt"}]},
                  {"type":"message","role":"developer","content":[{"type":"input_text","text":"You are coder."}]},
                  {"type":"message","role":"user","content":[{"type":"input_text","text":"what is here?"}]}]}""";

    var call = events(post(first).body());
    var callDone = call.stream().filter(e -> e.path("type").asText().equals("response.output_item.done")).findFirst()
        .orElseThrow().path("item");
    assertThat(call.getFirst().path("type").asText()).isEqualTo("response.created");
    assertThat(callDone.path("type").asText()).isEqualTo("function_call");
    assertThat(callDone.path("arguments").asText()).isEqualTo("{\"cmd\":\"ls\"}");

    var second = first.replace("}]}]}", "}]},{\"type\":\"reasoning\",\"encrypted_content\":\"x\"},"
        + "{\"type\":\"function_call\",\"call_id\":\"" + callDone.path("call_id").asText()
        + "\",\"name\":\"exec_command\",\"arguments\":\"{\\\"cmd\\\":\\\"ls\\\"}\"},"
        + "{\"type\":\"function_call_output\",\"call_id\":\"" + callDone.path("call_id").asText() + "\",\"output\":\"a b\"}]}");
    var text = events(post(second).body());
    var deltas = new StringBuilder();
    text.stream().filter(e -> e.path("type").asText().equals("response.output_text.delta"))
        .forEach(e -> deltas.append(e.path("delta").asText()));
    assertThat(deltas).hasToString("two files here");
    var completed = text.getLast();
    assertThat(completed.path("type").asText()).isEqualTo("response.completed");
    assertThat(completed.path("response").path("usage").path("input_tokens").asLong()).isEqualTo(40);
    var chat = server.requests().getLast().chat();
    assertThat(chat.messages()).hasSize(5);
    assertThat(chat.messages().get(3)).isInstanceOf(ChatMessage.Assistant.class);
    assertThat(((ChatMessage.ToolResult) chat.messages().get(4)).content()).isEqualTo("a b");
  }

  @Test
  void aWholeAnswerAndBadInput() throws Exception {
    server.enqueue(ScriptedTurn.text("hello"));

    var whole = mapper.readTree(post("{\"model\":\"m\",\"instructions\":\"be nice\",\"input\":\"hi\"}").body());
    var orphan = post("{\"model\":\"m\",\"input\":[{\"type\":\"function_call_output\",\"call_id\":\"c9\",\"output\":\"x\"}]}");
    var stateful = post("{\"model\":\"m\",\"input\":\"hi\",\"previous_response_id\":\"resp_1\"}");

    assertThat(whole.path("output").get(0).path("content").get(0).path("text").asText()).isEqualTo("hello");
    assertThat(whole.path("status").asText()).isEqualTo("completed");
    assertThat(orphan.statusCode()).isEqualTo(400);
    assertThat(stateful.statusCode()).isEqualTo(400);
    assertThat(mapper.readTree(stateful.body()).path("error").path("param").asText()).isEqualTo("previous_response_id");
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
