package io.botburrow.agents.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.botburrow.agents.AgentConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the schema cannot make: the name is the folder's, the MCP servers are ones the runners know,
 * and the runners can run the agent's type. Pure functions of the parsed document.
 */
final class RuntimeChecks {
  private RuntimeChecks() {}

  /** {@code name} must equal the folder the file is in, or the bucket key and the Hub name disagree. */
  static List<Problem> nameMatchesFolder(String file, YamlDocument doc, String folder) {
    JsonNode name = doc.root().get("name");
    if (name == null || !name.isTextual() || name.asText().equals(folder)) {
      return List.of();
    }
    return List.of(Problem.error(file, doc.lineOf(List.of("name")),
        "name: '" + name.asText() + "' must equal the folder name '" + folder + "'"));
  }

  static List<Problem> knownMcpServers(String file, YamlDocument doc, RuntimeRules rules) {
    JsonNode servers = doc.root().path("capabilities").path("mcp_servers");
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < servers.size(); i++) {
      JsonNode server = servers.get(i);
      // the object form with its own image runs any server; a bare name needs the runner to know it
      String name = server.isTextual() ? server.asText() : server.path("image").isTextual() ? null : server.path("name").asText(null);
      if (name != null && !rules.knownMcpServers().contains(name)) {
        problems.add(Problem.error(file, doc.lineOf(List.of("capabilities", "mcp_servers", i)),
            "capabilities.mcp_servers[" + i + "]: unknown MCP server '" + name + "' (known: " + rules.describeKnownMcp()
                + "; or give an image to run your own)"));
      }
    }
    return problems;
  }

  /** Only types of the schema's enum: another value is already a schema error. */
  static List<Problem> runnableType(String file, YamlDocument doc, RuntimeRules rules) {
    JsonNode type = doc.root().get("type");
    if (type == null || !type.isTextual() || !AgentConfig.TYPES.contains(type.asText())
        || rules.runnableTypes().contains(type.asText())) {
      return List.of();
    }
    return List.of(Problem.forceable(file, doc.lineOf(List.of("type")), "type: '" + type.asText()
        + "' cannot run on these runners (they run: " + rules.describeRunnable() + "); --force uploads it anyway"));
  }

  /** {@code capabilities.mcp_servers[0].name} as path elements. */
  static List<Object> pathOf(String dotted) {
    List<Object> path = new ArrayList<>();
    for (String part : dotted.split("\\.")) {
      if (part.isEmpty()) {
        continue;
      }
      int bracket = part.indexOf('[');
      path.add(bracket < 0 ? part : part.substring(0, bracket));
      while (bracket >= 0) {
        int close = part.indexOf(']', bracket);
        if (close < 0) {
          break;
        }
        path.add(Integer.parseInt(part.substring(bracket + 1, close)));
        bracket = part.indexOf('[', close);
      }
    }
    return path;
  }
}
