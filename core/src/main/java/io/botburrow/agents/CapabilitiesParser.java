package io.botburrow.agents;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the {@code capabilities:} block of config.yaml. */
final class CapabilitiesParser {

  private CapabilitiesParser() {}

  static Capabilities read(YamlReader c) {
    List<String> grants = c.uniqueStrings("grants");
    List<String> skills = c.uniqueStrings("skills");
    List<McpServerSpec> servers = readMcpServers(c);
    ShellPolicy shell = readShell(c.object("shell"));
    Spawning spawning = readSpawning(c.object("spawning"));
    c.warnUnread();
    return c.build(() -> new Capabilities(grants, skills, servers, shell, spawning));
  }

  private static List<McpServerSpec> readMcpServers(YamlReader c) {
    JsonNode list = c.raw("mcp_servers");
    if (list == null) {
      return List.of();
    }
    String path = c.path("mcp_servers");
    if (!list.isArray()) {
      throw c.error(path, "must be a list of names or {name, command} mappings");
    }
    List<McpServerSpec> servers = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      String itemPath = path + "[" + i + "]";
      if (item.isTextual() && !item.asText().isBlank()) {
        servers.add(McpServerSpec.builtin(item.asText()));
      } else if (item.isObject()) {
        servers.add(readMcpServer(c.of(itemPath, item)));
      } else {
        throw c.error(itemPath, "must be a server name or a {name, command} mapping");
      }
    }
    return servers;
  }

  private static McpServerSpec readMcpServer(YamlReader s) {
    if (!s.has("name")) {
      throw s.error(s.path("name"), "is required");
    }
    if (!s.has("command") && !s.has("image")) {
      throw s.error(s.path("command"), "is required (or an image)");
    }
    String name = s.string("name");
    String image = s.string("image");
    String command = s.string("command");
    List<String> args = s.strings("args");
    Map<String, String> env = s.stringMap("env");
    s.warnUnread();
    return s.build(() -> new McpServerSpec(name, image, command, args, env));
  }

  private static ShellPolicy readShell(YamlReader s) {
    if (s == null) {
      return ShellPolicy.disabled();
    }
    boolean enabled = s.bool("enabled", false);
    List<String> allowed = s.strings("allowed_commands");
    List<String> blocked = s.strings("blocked_patterns");
    int timeout = s.integer("timeout_seconds", ShellPolicy.DEFAULT_TIMEOUT_SECONDS);
    s.warnUnread();
    return s.build(() -> new ShellPolicy(enabled, allowed, blocked, timeout));
  }

  private static Spawning readSpawning(YamlReader s) {
    if (s == null) {
      return Spawning.disabled();
    }
    boolean canPropose = s.bool("can_propose", false);
    List<String> templates = s.strings("allowed_templates");
    s.warnUnread();
    return s.build(() -> new Spawning(canPropose, templates));
  }
}
