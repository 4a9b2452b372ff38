package io.botburrow.gateway.front;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.devkit.llm.ScriptedLlmServer;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.gateway.Gateways;
import io.botburrow.gateway.auth.Caller;
import io.botburrow.gateway.budget.AgentLimits;
import io.botburrow.gateway.budget.BudgetLimits;
import io.botburrow.gateway.budget.memory.InMemoryBudgetStore;
import io.botburrow.gateway.routing.Deployment;
import io.botburrow.gateway.routing.GatewayRoutes;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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

/** A spent budget over HTTP: the providers' own final answer, no invitation to retry, nothing sent on. */
class SpentBudgetIT {
  private static final String SECRET = "spent-test-secret-0123456789";
  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private ScriptedLlmServer provider;
  private GatewayServer server;
  private String token;

  @BeforeEach
  void start() {
    provider = new ScriptedLlmServer().start(0);
    var gpt = new Deployment("gpt", "openai", provider.baseUrl(), "gpt-4o-mini", "");
    var routes = new GatewayRoutes(Map.of("gpt", gpt), Map.of("smart", List.of(gpt)));
    // 100 tokens per activation by default; the agent "coder" has its own, stricter daily budget
    var limits = new AgentLimits(new BudgetLimits(100, 0, 0, 0, 0),
        Map.of("coder", new BudgetLimits(100, 0, 0.0001, 0, 0)));
    var gateway = Gateways.build(routes, new InMemoryBudgetStore(), limits, registry, SECRET, Clock.systemUTC(), true);
    server = new GatewayServer(gateway, mapper, 4096).start("127.0.0.1", 0);
    token = gateway.tokens().mint(new Caller("writer", "act-1", "acme", Instant.now().plusSeconds(60), 0, List.of(),
        "claude-code"));
  }

  @AfterEach
  void stop() {
    server.close();
    provider.close();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Content-Type", "application/json").header("anthropic-version", "2023-06-01")
        .header("Authorization", "Bearer " + token);
    builder = body == null ? builder.GET() : builder.method(method, HttpRequest.BodyPublishers.ofString(body));
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aSpentActivationBudgetIsAFinalQuotaErrorInBothFormatsAndReachesNoProvider() throws Exception {
    provider.enqueue(ScriptedTurn.text("first and last").withUsage(150, 10));
    var chat = "{\"model\":\"smart\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    assertThat(send("POST", "/v1/chat/completions", chat).statusCode()).isEqualTo(200);

    var openAi = send("POST", "/v1/chat/completions", chat);
    var anthropic = send("POST", "/v1/messages", chat);

    assertThat(openAi.statusCode()).isEqualTo(429);
    assertThat(openAi.headers().firstValue("x-should-retry")).contains("false");
    assertThat(openAi.headers().firstValue("retry-after")).isEmpty();
    var error = mapper.readTree(openAi.body()).path("error");
    assertThat(error.path("type").asText()).isEqualTo("insufficient_quota");
    assertThat(error.path("code").asText()).isEqualTo("insufficient_quota");
    assertThat(error.path("message").asText()).contains("budget of this activation is spent (160 of 100 tokens)");
    assertThat(anthropic.statusCode()).isEqualTo(400);
    assertThat(anthropic.headers().firstValue("x-should-retry")).contains("false");
    assertThat(mapper.readTree(anthropic.body()).path("error").path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(provider.requests()).hasSize(1);
  }

  @Test
  void theCallerReadsItsBudgetsAndTheStandaloneGatewayCountsTokens() throws Exception {
    provider.enqueue(ScriptedTurn.text("counted").withUsage(30, 12));
    send("POST", "/v1/chat/completions",
        "{\"model\":\"smart\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

    var budget = mapper.readTree(send("GET", "/v1/budget", null).body());

    assertThat(budget.path("agent_id").asText()).isEqualTo("writer");
    assertThat(budget.path("healthy").asBoolean()).isTrue();
    var activation = budget.path("budgets").get(0);
    assertThat(activation.path("scope").asText()).isEqualTo("activation");
    assertThat(activation.path("used").asDouble()).isEqualTo(42);
    assertThat(activation.path("limit").asDouble()).isEqualTo(100);
    assertThat(registry.scrape())
        .contains("botburrow_tokens_total{agent=\"writer\",direction=\"input\",tenant=\"acme\",tool_type=\"claude-code\"} 30.0")
        .contains("botburrow_tokens_total{agent=\"writer\",direction=\"output\",tenant=\"acme\",tool_type=\"claude-code\"} 12.0");
  }
}
