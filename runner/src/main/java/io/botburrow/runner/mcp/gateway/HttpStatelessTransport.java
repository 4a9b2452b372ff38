package io.botburrow.runner.mcp.gateway;

import com.sun.net.httpserver.HttpExchange;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Mono;

/**
 * The MCP streamable HTTP transport, stateless (no session id, one JSON answer per request), for the
 * SDK's server on the JDK's HTTP server: the SDK's own {@code HttpServletStatelessServerTransport} needs
 * a servlet container. {@code POST} carries one JSON-RPC request (answered with its response) or
 * notification (202); {@code GET} (the optional server-sent stream) is 405, which clients accept.
 */
final class HttpStatelessTransport implements McpStatelessServerTransport {
  private final McpJsonMapper json;
  private final int maxBodyBytes;
  private volatile McpStatelessServerHandler handler;
  private volatile boolean closing;

  HttpStatelessTransport(McpJsonMapper json, int maxBodyBytes) {
    this.json = json;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void setMcpHandler(McpStatelessServerHandler handler) {
    this.handler = handler;
  }

  @Override
  public Mono<Void> closeGracefully() {
    return Mono.fromRunnable(() -> closing = true);
  }

  /** Serves one exchange; the caller has checked the path and the caller's token. Never throws. */
  void handle(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", "POST");
      send(exchange, 405, null);
      return;
    }
    if (closing || handler == null) {
      send(exchange, 503, error(McpSchema.ErrorCodes.INTERNAL_ERROR, "the activation has ended"));
      return;
    }
    byte[] body = readBody(exchange.getRequestBody());
    if (body == null) {
      send(exchange, 413, error(McpSchema.ErrorCodes.INVALID_REQUEST, "request body over " + maxBodyBytes + " bytes"));
      return;
    }
    McpSchema.JSONRPCMessage message;
    try {
      message = McpSchema.deserializeJsonRpcMessage(json, new String(body, StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      send(exchange, 400, error(McpSchema.ErrorCodes.PARSE_ERROR, "invalid JSON-RPC message"));
      return;
    }
    McpTransportContext context = McpTransportContext.EMPTY;
    switch (message) {
      case McpSchema.JSONRPCRequest request -> {
        McpSchema.JSONRPCResponse response = handler.handleRequest(context, request)
            .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context)).block();
        send(exchange, 200, json.writeValueAsString(response));
      }
      case McpSchema.JSONRPCNotification notification -> {
        handler.handleNotification(context, notification)
            .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context)).block();
        send(exchange, 202, null);
      }
      default -> send(exchange, 400, error(McpSchema.ErrorCodes.INVALID_REQUEST, "only requests and notifications are accepted"));
    }
  }

  private byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(maxBodyBytes + 1);
    return body.length > maxBodyBytes ? null : body;
  }

  private String error(int code, String message) throws IOException {
    return json.writeValueAsString(McpError.builder(code).message(message).build().getJsonRpcError());
  }

  static void send(HttpExchange exchange, int status, String jsonBody) throws IOException {
    if (jsonBody == null) {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    byte[] bytes = jsonBody.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
