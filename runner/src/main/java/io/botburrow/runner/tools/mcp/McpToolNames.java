package io.botburrow.runner.tools.mcp;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Names MCP tools for the model: {@code <server>__<tool>}, in the characters LLM APIs accept. */
public final class McpToolNames {
  private static final int MAX_LENGTH = 64;

  private McpToolNames() {}

  /**
   * Replaces characters outside {@code [a-zA-Z0-9_-]} with {@code _}; a name longer than 64 keeps its
   * start and ends with a checksum of the full name, so two long names stay distinct.
   */
  public static String of(String server, String tool) {
    String name = (server + "__" + tool).replaceAll("[^a-zA-Z0-9_-]", "_");
    if (name.length() <= MAX_LENGTH) {
      return name;
    }
    CRC32 crc = new CRC32();
    crc.update(name.getBytes(StandardCharsets.UTF_8));
    String suffix = String.format("_%08x", crc.getValue());
    return name.substring(0, MAX_LENGTH - suffix.length()) + suffix;
  }
}
