package io.botburrow.runner.mcp;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/** {@link McpSession} over the MCP Java SDK's synchronous client, whatever its transport. */
public final class SdkMcpSession implements McpSession {
  private final String server;
  private final McpSyncClient client;
  private final Runnable afterClose;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile List<McpToolInfo> tools;

  /** @param afterClose removes what runs the server (the container); called once, after the client closed */
  public SdkMcpSession(String server, McpSyncClient client, Runnable afterClose) {
    this.server = server;
    this.client = client;
    this.afterClose = afterClose;
  }

  @Override
  public String server() {
    return server;
  }

  @Override
  public List<McpToolInfo> tools() {
    List<McpToolInfo> cached = tools;
    if (cached != null) {
      return cached;
    }
    List<McpToolInfo> listed = new ArrayList<>();
    try {
      String cursor = null;
      do {
        McpSchema.ListToolsResult page = cursor == null ? client.listTools() : client.listTools(cursor);
        page.tools().forEach(tool -> listed.add(new McpToolInfo(tool.name(), tool.description(), tool.inputSchema())));
        cursor = page.nextCursor();
      } while (cursor != null);
    } catch (RuntimeException e) {
      throw new McpException("MCP server " + server + " did not list its tools: " + e.getMessage(), true, e);
    }
    tools = List.copyOf(listed);
    return tools;
  }

  @Override
  public McpCallResult call(String tool, Map<String, Object> arguments) {
    McpSchema.CallToolResult result;
    try {
      result = client.callTool(new McpSchema.CallToolRequest(tool, arguments == null ? Map.of() : arguments));
    } catch (RuntimeException e) {
      throw new McpException("MCP server " + server + " failed on " + tool + ": " + e.getMessage(), true, e);
    }
    return new McpCallResult(text(result), Boolean.TRUE.equals(result.isError()));
  }

  /** Text parts joined; other content types are named, not inlined (the model gets text only). */
  private static String text(McpSchema.CallToolResult result) {
    if (result.content() == null) {
      return "";
    }
    return result.content().stream()
        .map(content -> content instanceof McpSchema.TextContent text ? text.text() : "[" + content.type() + " content]")
        .collect(Collectors.joining("\n"));
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        client.closeGracefully();
      } catch (RuntimeException e) {
        // The container removal below ends the server anyway.
      } finally {
        afterClose.run();
      }
    }
  }
}
