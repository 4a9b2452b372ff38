package io.botburrow.runner.executor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.runner.agent.StopReason;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code codex exec --json}'s JSON lines: {@code item.completed} items ({@code agent_message}
 * is the answer; {@code command_execution}, {@code file_change} and {@code mcp_tool_call} are tool
 * steps; {@code error} items are warnings), then {@code turn.completed} or {@code turn.failed}. A
 * top-level {@code error} event without a turn's end is a failure too. Lines that are not JSON are
 * skipped.
 */
final class CodexEvents {
  private static final Set<String> TOOL_ITEMS = Set.of("command_execution", "file_change", "mcp_tool_call");

  private final ObjectMapper json;

  CodexEvents(ObjectMapper json) {
    this.json = json;
  }

  Optional<CliOutput> read(String stdout) {
    String answer = "";
    String error = null;
    int steps = 0;
    CliOutput end = null;
    for (String line : stdout.split("\n")) {
      JsonNode event = parse(line.trim());
      if (event == null) {
        continue;
      }
      switch (event.path("type").asText("")) {
        case "item.completed" -> {
          JsonNode item = event.path("item");
          String kind = item.path("type").asText("");
          if (kind.equals("agent_message")) {
            answer = item.path("text").asText("");
          } else if (TOOL_ITEMS.contains(kind)) {
            steps++;
          }
        }
        case "turn.completed" -> end = new CliOutput(answer, StopReason.COMPLETED, steps + 1, false);
        case "turn.failed" -> end = new CliOutput(message(event.path("error"), "the turn failed"), StopReason.COMPLETED,
            steps + 1, true);
        case "error" -> error = message(event, "error");
        default -> {
          // thread.started, turn.started, item.started, item.updated: progress only
        }
      }
    }
    if (end == null && error != null) {
      end = new CliOutput(error, StopReason.COMPLETED, steps, true);
    }
    return Optional.ofNullable(end);
  }

  private static String message(JsonNode node, String fallback) {
    String message = node.path("message").asText("");
    return message.isBlank() ? fallback : message;
  }

  private JsonNode parse(String line) {
    if (!line.startsWith("{")) {
      return null;
    }
    try {
      JsonNode node = json.readTree(line);
      return node != null && node.isObject() ? node : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
