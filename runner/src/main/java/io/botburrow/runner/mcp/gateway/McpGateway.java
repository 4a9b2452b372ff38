package io.botburrow.runner.mcp.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.botburrow.runner.tools.ToolOutcome;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One activation's MCP gateway: the tools the runner grants a CLI agent (Hub, activation and sidecar
 * tools), served with the MCP Java SDK's server over streamable HTTP, one MCP server per name at
 * {@code /mcp/<server>}, on a loopback port of the runner that the activation's unix socket forwards
 * to. Only the listed tools exist: a call to any other is refused by the SDK's server. Every request
 * needs the activation's bearer token.
 */
public final class McpGateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(McpGateway.class);
  /** The server the Hub tools and the activation tools are served under ({@code mcp_servers: [hub]}). */
  public static final String HUB = "hub";
  static final String PATH = "/mcp/";
  private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
  private final Map<String, List<String>> served = new LinkedHashMap<>();
  private final List<McpStatelessSyncServer> servers = new ArrayList<>();
  private final Map<String, HttpStatelessTransport> transports = new LinkedHashMap<>();
  private final String token;
  private final Map<String, String> logContext;
  private final HttpServer http;
  private final ExecutorService executor;

  /**
   * Binds a free loopback port and serves {@code tools}.
   *
   * @param timeout how long one tool call may take before the CLI gets an error
   */
  public McpGateway(List<GatewayTool> tools, ObjectMapper json, Duration timeout) {
    this(tools, json, timeout, Map.of());
  }

  /** @param logContext MDC entries (activation id, agent) set while a tool call runs */
  public McpGateway(List<GatewayTool> tools, ObjectMapper json, Duration timeout, Map<String, String> logContext) {
    this.token = newToken();
    this.logContext = Map.copyOf(logContext);
    Map<String, List<GatewayTool>> byServer = new LinkedHashMap<>();
    tools.forEach(t -> byServer.computeIfAbsent(t.server(), s -> new ArrayList<>()).add(t));
    byServer.forEach((server, list) -> serve(server, list, json, timeout));
    try {
      http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    } catch (IOException e) {
      servers.forEach(McpStatelessSyncServer::close);
      throw new UncheckedIOException("cannot bind the MCP gateway", e);
    }
    executor = Executors.newVirtualThreadPerTaskExecutor();
    http.setExecutor(executor);
    http.createContext(PATH, this::handle);
    http.start();
  }

  private void serve(String server, List<GatewayTool> tools, ObjectMapper json, Duration timeout) {
    HttpStatelessTransport transport = new HttpStatelessTransport(McpJsonDefaults.getMapper(), MAX_BODY_BYTES);
    List<McpStatelessServerFeatures.SyncToolSpecification> specs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (GatewayTool tool : tools) {
      McpSchema.Tool listed = McpSchema.Tool.builder().name(tool.name()).description(tool.description())
          .inputSchema(tool.inputSchema()).build();
      specs.add(new McpStatelessServerFeatures.SyncToolSpecification(listed,
          (context, request) -> withLogContext(() -> call(tool, request, json))));
      names.add(tool.name());
    }
    servers.add(McpServer.sync(transport)
        .serverInfo(new McpSchema.Implementation("botburrow-" + server, "0.1.0"))
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        .strictToolNameValidation(false)
        .requestTimeout(timeout)
        .tools(specs)
        .build());
    transports.put(server, transport);
    served.put(server, List.copyOf(names));
  }

  // tool calls run on the SDK's and the HTTP server's threads, not the activation's
  private <T> T withLogContext(Supplier<T> call) {
    logContext.forEach(MDC::put);
    try {
      return call.get();
    } finally {
      logContext.keySet().forEach(MDC::remove);
    }
  }

  /** A refused action is an error result the model sees; so is a tool that failed (the activation goes on). */
  private static McpSchema.CallToolResult call(GatewayTool tool, McpSchema.CallToolRequest request, ObjectMapper json) {
    ToolOutcome outcome;
    try {
      outcome = tool.tool().invoke(json.writeValueAsString(request.arguments() == null ? Map.of() : request.arguments()));
    } catch (JsonProcessingException e) {
      outcome = ToolOutcome.error("arguments are not JSON");
    } catch (RuntimeException e) {
      LOG.warn("Tool(name={}, server={}) failed: {}", tool.name(), tool.server(), e.getMessage());
      outcome = ToolOutcome.error("The tool failed: " + e.getMessage());
    }
    return McpSchema.CallToolResult.builder().addTextContent(outcome.content()).isError(outcome.isError()).build();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String server = exchange.getRequestURI().getPath().substring(PATH.length());
      HttpStatelessTransport transport = transports.get(server);
      if (transport == null) {
        HttpStatelessTransport.send(exchange, 404, null);
      } else if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
        HttpStatelessTransport.send(exchange, 401, null);
      } else {
        transport.handle(exchange);
      }
    } catch (RuntimeException e) {
      LOG.warn("MCP gateway request failed: {}", e.toString());
    }
  }

  private boolean authorized(String header) {
    String expected = "Bearer " + token;
    return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
        expected.getBytes(StandardCharsets.UTF_8));
  }

  /** The bearer token every request must carry; the CLI gets it in its MCP configuration. */
  public String token() {
    return token;
  }

  /** The loopback port the activation's socket forwards to. */
  public int port() {
    return http.getAddress().getPort();
  }

  /** The path of {@code server}'s endpoint. */
  public static String path(String server) {
    return PATH + server;
  }

  /** Server name → the names of the tools served under it, in the order offered. */
  public Map<String, List<String>> served() {
    return java.util.Collections.unmodifiableMap(served);
  }

  /** Stops serving: calls in flight end, later ones are refused. Idempotent. */
  @Override
  public void close() {
    transports.values().forEach(t -> t.closeGracefully().block());
    http.stop(0);
    executor.shutdownNow();
    servers.forEach(McpStatelessSyncServer::close);
  }

  private static String newToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return "bbm1." + HexFormat.of().formatHex(bytes);
  }
}
