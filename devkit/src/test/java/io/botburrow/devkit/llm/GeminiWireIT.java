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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scripted server speaking Gemini's generateContent and streamGenerateContent?alt=sse. */
class GeminiWireIT {
  private static final String HELLO = """
      {"systemInstruction":{"parts":[{"text":"be brief"}]},
       "contents":[{"role":"user","parts":[{"text":"hello"}]}],
       "generationConfig":{"temperature":0.3,"maxOutputTokens":64}}""";

  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final ScriptedLlmServer server = new ScriptedLlmServer().start(0).requireApiKey("g-key");

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String method, String body, String key) throws Exception {
    var builder = HttpRequest.newBuilder(URI.create(server.geminiBaseUrl() + "/models/gemini-2.5-flash:" + method))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      builder.header("x-goog-api-key", key);
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  private List<JsonNode> chunks(String sse) throws Exception {
    var chunks = new ArrayList<JsonNode>();
    for (var frame : sse.split("\r\n\r\n")) {
      if (frame.startsWith("data: ")) {
        chunks.add(mapper.readTree(frame.substring("data: ".length())));
      }
    }
    return chunks;
  }

  @Test
  void answersGenerateContentWithTheModelFromThePath() throws Exception {
    server.enqueue(ScriptedTurn.text("Hi there.").withUsage(12, 3));

    var response = post("generateContent", HELLO, "g-key");

    assertThat(response.statusCode()).isEqualTo(200);
    var body = mapper.readTree(response.body());
    assertThat(body.at("/candidates/0/content/role").asText()).isEqualTo("model");
    assertThat(body.at("/candidates/0/content/parts/0/text").asText()).isEqualTo("Hi there.");
    assertThat(body.at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
    assertThat(body.at("/usageMetadata/promptTokenCount").asLong()).isEqualTo(12);
    assertThat(body.at("/usageMetadata/candidatesTokenCount").asLong()).isEqualTo(3);
    var recorded = server.requests().getFirst();
    assertThat(recorded.chat().model()).isEqualTo("gemini-2.5-flash");
    assertThat(recorded.chat().messages()).startsWith(new ChatMessage.System("be brief"));
    assertThat(recorded.chat().maxTokens()).isEqualTo(64);
  }

  @Test
  void streamsWholeResponsesAsServerSentEventsWithTheFinishReasonLast() throws Exception {
    server.enqueue(ScriptedTurn.text("one two").withUsage(5, 2),
        ScriptedTurn.toolCall("search", "{\"q\":\"rust\"}"));

    var text = chunks(post("streamGenerateContent?alt=sse", HELLO, "g-key").body());
    var call = chunks(post("streamGenerateContent?alt=sse", HELLO, "g-key").body());

    assertThat(text).extracting(c -> c.at("/candidates/0/content/parts/0/text").asText()).containsExactly("one ", "two");
    assertThat(text.getFirst().at("/candidates/0/finishReason").isMissingNode()).isTrue();
    assertThat(text.getLast().at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
    assertThat(text.getLast().at("/usageMetadata/candidatesTokenCount").asLong()).isEqualTo(2);
    assertThat(call).singleElement().satisfies(c -> {
      assertThat(c.at("/candidates/0/content/parts/0/functionCall/name").asText()).isEqualTo("search");
      assertThat(c.at("/candidates/0/content/parts/0/functionCall/args/q").asText()).isEqualTo("rust");
    });
  }

  @Test
  void refusesAMissingKeyAndFailsOnDemandInGeminisWords() throws Exception {
    server.enqueue(ScriptedTurn.error(429, "quota").withHeader("Retry-After", "7"));

    var anonymous = post("generateContent", HELLO, null);
    var limited = post("generateContent", HELLO, "g-key");

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(mapper.readTree(anonymous.body()).at("/error/status").asText()).isEqualTo("UNAUTHENTICATED");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("7");
    assertThat(mapper.readTree(limited.body()).at("/error/status").asText()).isEqualTo("RESOURCE_EXHAUSTED");
  }

  @Test
  void checksFunctionResponsesAndSchemasLikeGemini() throws Exception {
    var unanswered = """
        {"contents":[{"role":"user","parts":[{"text":"find"}]},
          {"role":"model","parts":[{"functionCall":{"name":"search","args":{"q":"x"}}}]},
          {"role":"user","parts":[{"functionResponse":{"name":"other","response":{"content":"r"}}}]}]}""";
    var badSchema = """
        {"contents":[{"role":"user","parts":[{"text":"find"}]}],
         "tools":[{"functionDeclarations":[{"name":"search","description":"d",
           "parameters":{"type":"object","additionalProperties":false,"properties":{}}}]}]}""";
    var answered = unanswered.replace("\"other\"", "\"search\"");
    server.enqueue(ScriptedTurn.text("done"));

    assertThat(post("generateContent", unanswered, "g-key").statusCode()).isEqualTo(400);
    assertThat(post("generateContent", badSchema, "g-key").body()).contains("additionalProperties");
    assertThat(post("generateContent", answered, "g-key").statusCode()).isEqualTo(200);
    assertThat(server.requests().getLast().chat().messages()).last()
        .isEqualTo(new ChatMessage.ToolResult("call_1_0", "search", "r", false));
  }
}
