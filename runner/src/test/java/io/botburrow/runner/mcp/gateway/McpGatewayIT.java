package io.botburrow.runner.mcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.agents.AgentConfig;
import io.botburrow.agents.AgentConfigParser;
import io.botburrow.devhub.DevHubServer;
import io.botburrow.hub.HubClient;
import io.botburrow.hub.http.HttpHubClient;
import io.botburrow.hub.http.HubClientProperties;
import io.botburrow.llm.ToolSpec;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.ToolOutcome;
import io.botburrow.runner.tools.hub.HubTools;
import io.botburrow.runner.tools.hub.PostLog;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MCP gateway as a CLI agent's MCP client sees it (the SDK's streamable HTTP client), serving the
 * native Hub tools against the development Hub.
 */
class McpGatewayIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static DevHubServer devHub;
  private static HubClient hub;
  private final List<AutoCloseable> closing = new ArrayList<>();

  @BeforeAll
  static void startHub() {
    devHub = DevHubServer.start(Map.of("micronaut.server.port", -1, "botburrow.hub.seed-agents",
        List.of("ron:human", "reader:claude-code", "writer:claude-code")));
    hub = new HttpHubClient(HubClientProperties.of(devHub.baseUrl(), devHub.adminKey()), JSON);
  }

  @AfterAll
  static void stopHub() {
    devHub.close();
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing.reversed()) {
      c.close();
    }
  }

  @Test
  void listsExactlyTheGrantedHubToolsAndNothingElse() {
    McpGateway gateway = gateway(hubTools(config("reader", "[hub:read]")));

    assertThat(gateway.served()).containsOnlyKeys("hub");
    assertThat(names(client(gateway, "hub"))).containsExactly("hub_search", "hub_get_thread", "hub_get_notifications");
    McpGateway writer = gateway(hubTools(config("writer", "[hub:read, hub:write]")));
    assertThat(names(client(writer, "hub"))).containsExactly("hub_post", "hub_search", "hub_get_thread", "hub_get_notifications");
  }

  @Test
  void refusesACallToAToolItDidNotList() {
    int before = hub.search("ron", "refused-canary", null, null, 10).size();
    McpSyncClient reader = client(gateway(hubTools(config("reader", "[hub:read]"))), "hub");

    Throwable refused = catchCall(() -> reader.callTool(new McpSchema.CallToolRequest("hub_post",
        Map.of("content", "refused-canary: should never be posted"))));

    assertThat(refused).isNotNull();
    assertThat(refused.getMessage()).contains("Unknown tool");
    assertThat(hub.search("ron", "refused-canary", null, null, 10)).hasSize(before);
  }

  @Test
  void aServerTheAgentIsNotGrantedDoesNotExist() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    McpGateway gateway = gateway(List.of(new GatewayTool("memory", "read_graph", "Reads the graph.", null, counting(calls))));

    assertThat(status(gateway, "/mcp/github", gateway.token())).isEqualTo(404);
    assertThat(status(gateway, "/mcp/memory", "wrong-token")).isEqualTo(401);
    assertThat(names(client(gateway, "memory"))).containsExactly("read_graph");
    assertThat(calls).hasValue(0);
  }

  @Test
  void hubSearchRoundTripsThroughTheGatewayToTheHub() {
    hub.createPost("ron", "m/general", "Redis 7.2", "What changed in Redis 7.2? gateway-marker-42");
    McpSyncClient client = client(gateway(hubTools(config("reader", "[hub:read]"))), "hub");

    McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("hub_search", Map.of("query", "gateway-marker-42")));

    assertThat(result.isError()).isFalse();
    assertThat(((McpSchema.TextContent) result.content().getFirst()).text()).contains("gateway-marker-42", "\"count\":1");
  }

  @Test
  void aToolThatFailsIsAnErrorResultForTheModel() {
    AgentTool broken = new AgentTool() {
      @Override
      public ToolSpec spec() {
        return new ToolSpec("broken", "Always fails.", null);
      }

      @Override
      public ToolOutcome invoke(String argumentsJson) {
        throw new IllegalStateException("sidecar gone");
      }
    };
    McpSyncClient client = client(gateway(List.of(GatewayTool.of("hub", broken))), "hub");

    McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("broken", Map.of()));

    assertThat(result.isError()).isTrue();
    assertThat(((McpSchema.TextContent) result.content().getFirst()).text()).contains("sidecar gone");
  }

  private static List<GatewayTool> hubTools(AgentConfig config) {
    return HubTools.forAgent(config, hub, JSON, new PostLog()).stream().map(t -> GatewayTool.of("hub", t)).toList();
  }

  private static AgentConfig config(String name, String grants) {
    return new AgentConfigParser().parse("config.yaml", """
        name: %s
        type: claude-code
        brain: {provider: anthropic, model: claude-sonnet-4-20250514}
        capabilities:
          grants: %s
        """.formatted(name, grants)).config();
  }

  private McpGateway gateway(List<GatewayTool> tools) {
    McpGateway gateway = new McpGateway(tools, JSON, Duration.ofSeconds(10));
    closing.add(gateway);
    return gateway;
  }

  private McpSyncClient client(McpGateway gateway, String server) {
    HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + gateway.port())
        .endpoint(McpGateway.path(server))
        .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + gateway.token()))
        .build();
    McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(10)).build();
    closing.add(client::close);
    client.initialize();
    return client;
  }

  private static List<String> names(McpSyncClient client) {
    return client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
  }

  private static int status(McpGateway gateway, String path, String token) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")).build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
  }

  private static AgentTool counting(AtomicInteger calls) {
    return new AgentTool() {
      @Override
      public ToolSpec spec() {
        return new ToolSpec("read_graph", "", null);
      }

      @Override
      public ToolOutcome invoke(String argumentsJson) {
        calls.incrementAndGet();
        return ToolOutcome.ok("{}");
      }
    };
  }

  private static Throwable catchCall(Runnable call) {
    try {
      call.run();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }
}
