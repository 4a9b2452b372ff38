package io.botburrow.agents.character;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Converts a Rig runtime {@code character.json} into an agent definition ({@code config.yaml} and
 * {@code system-prompt.md}). Pure. What the operator decides and a definition may not (the LLM
 * endpoint, an MCP server's command) is left out and reported in {@link Converted#notes()}; the
 * {@code messaging} block becomes a {@code channels:} entry (platform and channel ids, answering
 * mentions) and is also kept as is under {@code messaging:}.
 */
public final class RigCharacter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .build();

  private RigCharacter() {}

  /** The definition, and what the conversion left out or derived. */
  public record Converted(String name, String configYaml, String systemPrompt, List<String> notes) {}

  /**
   * @param name the agent name to use (the folder's), or null to derive it from the character's name
   * @param knownMcpServers MCP servers the runners know by name; others are left out with a note
   * @throws IllegalArgumentException when the text is not a character (no JSON object, no name)
   */
  public static Converted convert(String json, String name, Set<String> knownMcpServers) {
    JsonNode c;
    try {
      c = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    if (c == null || !c.isObject() || c.path("name").asText("").isBlank()) {
      throw new IllegalArgumentException("a character.json needs an object with a name");
    }
    String displayName = c.path("name").asText();
    String agent = name != null ? name : slug(displayName);
    List<String> notes = new ArrayList<>();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("version", "1.0.0");
    config.put("name", agent);
    config.put("display_name", displayName);
    config.put("description", c.path("description").asText(""));
    config.put("type", "native");
    config.put("brain", brain(c.path("llm"), notes));
    List<String> grants = new ArrayList<>(List.of("hub:read", "hub:write"));
    List<String> mcp = new ArrayList<>();
    List<Map<String, Object>> http = new ArrayList<>();
    for (JsonNode tool : c.path("tools")) {
      tool(tool, knownMcpServers, grants, mcp, http, notes);
    }
    Map<String, Object> capabilities = new LinkedHashMap<>();
    capabilities.put("grants", grants);
    if (!mcp.isEmpty()) {
      capabilities.put("mcp_servers", mcp);
    }
    config.put("capabilities", capabilities);
    config.put("behavior", Map.of("respond_to_mentions", true));
    if (!http.isEmpty()) {
      config.put("http_tools", http);
    }
    List<Map<String, Object>> schedules = schedules(c.path("cron"));
    if (!schedules.isEmpty()) {
      config.put("schedules", schedules);
    }
    List<Map<String, Object>> hooks = webhooks(agent, c.path("webhooks"), notes);
    if (!hooks.isEmpty()) {
      config.put("webhooks", hooks);
    }
    if (c.has("messaging")) {
      config.put("messaging", JSON.convertValue(c.get("messaging"), Map.class));
      channels(c.path("messaging"), notes).ifPresent(entry -> config.put("channels", List.of(entry)));
    }
    if (c.has("memory")) {
      notes.add("memory retention settings are not carried over: the runtime keeps no conversation memory yet");
    }
    try {
      return new Converted(agent, YAML.writeValueAsString(config), systemPrompt(c, displayName), List.copyOf(notes));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code messaging: {platform, config: {channels: {name: id}}}} → one {@code channels:} entry answering
   * mentions in those channels; a platform the runtime has no adapter for is left out with a note.
   */
  private static java.util.Optional<Map<String, Object>> channels(JsonNode messaging, List<String> notes) {
    String platform = messaging.path("platform").asText("").toLowerCase(Locale.ROOT);
    if (!platform.equals("slack") && !platform.equals("discord")) {
      notes.add("messaging platform '" + platform + "' has no adapter here (slack, discord); kept under messaging: only");
      return java.util.Optional.empty();
    }
    List<String> ids = new ArrayList<>();
    JsonNode named = messaging.path("config").path("channels");
    if (named.isObject()) {
      named.forEach(id -> ids.add(id.asText()));
    } else if (named.isArray()) {
      named.forEach(id -> ids.add(id.asText()));
    }
    if (ids.isEmpty()) {
      notes.add("messaging (" + platform + ") names no channels; add them under channels: to answer there");
      return java.util.Optional.empty();
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("platform", platform);
    entry.put("channels", ids);
    entry.put("respond", "mentions");
    notes.add("messaging (" + platform + ") answers mentions in " + ids.size() + " channel(s) under channels:; the "
        + "operator sets botburrow.channels." + platform + ".* (bot token, signing secret or public key)");
    return java.util.Optional.of(entry);
  }

  /** {@code Conductor-E} → {@code conductor-e}. */
  public static String slug(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return s.length() > 50 ? s.substring(0, 50).replaceAll("-+$", "") : s;
  }

  private static Map<String, Object> brain(JsonNode llm, List<String> notes) {
    Map<String, Object> brain = new LinkedHashMap<>();
    String provider = llm.path("provider").asText("openai").toLowerCase(Locale.ROOT);
    brain.put("provider", switch (provider) {
      case "anthropic" -> "anthropic";
      case "google", "gemini" -> "google";
      default -> "openai"; // openclaw, ollama, vLLM and the like speak the OpenAI API
    });
    brain.put("model", llm.path("model").asText("gpt-4o-mini"));
    if (llm.hasNonNull("fallbackModel")) {
      brain.put("fallback_models", List.of(llm.get("fallbackModel").asText()));
    }
    if (llm.has("temperature")) {
      brain.put("temperature", llm.get("temperature").asDouble());
    }
    if (llm.has("maxTokens")) {
      brain.put("max_tokens", llm.get("maxTokens").asInt());
    }
    if (llm.hasNonNull("endpoint")) {
      notes.add("llm.endpoint " + llm.get("endpoint").asText() + " is not carried over: the operator routes models"
          + " (botburrow.llm.endpoints, the gateway's routes)");
    }
    return brain;
  }

  private static void tool(JsonNode tool, Set<String> knownMcp, List<String> grants, List<String> mcp,
      List<Map<String, Object>> http, List<String> notes) {
    String type = tool.path("type").asText("");
    String name = slug(tool.path("name").asText(""));
    if (type.equals("mcp")) {
      if (!knownMcp.contains(name)) {
        notes.add("mcp tool '" + name + "' left out: no MCP server of that name in the operator's catalog");
        return;
      }
      mcp.add(name);
      grants.add(name + ":read");
      if (tool.has("command")) {
        notes.add("mcp tool '" + name + "': its command is the operator's catalog entry, not " + tool.get("command").asText()
            + "; granted " + name + ":read (add " + name + ":write to allow changes)");
      }
    } else if (type.equals("http")) {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("name", name);
      h.put("description", tool.path("description").asText(""));
      h.put("base_url", tool.path("baseUrl").asText(tool.path("base_url").asText("")));
      List<Map<String, Object>> endpoints = new ArrayList<>();
      for (JsonNode e : tool.path("endpoints")) {
        endpoints.add(Map.of("method", e.path("method").asText("GET"), "path", e.path("path").asText("/"),
            "description", e.path("description").asText("")));
      }
      h.put("endpoints", endpoints);
      http.add(h);
      if (tool.has("headers")) {
        notes.add("http tool '" + name + "': headers left out (a definition carries no credentials)");
      }
    } else {
      notes.add("tool '" + name + "' of type '" + type + "' left out: only http and mcp tools convert");
    }
  }

  private static List<Map<String, Object>> schedules(JsonNode cron) {
    List<Map<String, Object>> out = new ArrayList<>();
    int i = 1;
    for (JsonNode entry : cron) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", "cron-" + i++);
      s.put("cron", entry.path("schedule").asText(entry.path("cron").asText("")));
      if (entry.hasNonNull("timezone")) {
        s.put("timezone", entry.get("timezone").asText());
      }
      s.put("prompt", entry.path("prompt").asText(""));
      out.add(s);
    }
    return out;
  }

  private static List<Map<String, Object>> webhooks(String agent, JsonNode hooks, List<String> notes) {
    List<Map<String, Object>> out = new ArrayList<>();
    int i = 1;
    for (JsonNode hook : hooks) {
      String name = slug(hook.path("name").asText(hook.path("path").asText("")));
      name = name.isEmpty() ? "hook-" + i : name;
      i++;
      String secretEnv = (agent + "_" + name + "_WEBHOOK_SECRET").toUpperCase(Locale.ROOT).replace('-', '_');
      Map<String, Object> w = new LinkedHashMap<>();
      w.put("name", name);
      List<String> events = new ArrayList<>();
      hook.path("events").forEach(e -> events.add(e.asText()));
      if (!events.isEmpty()) {
        w.put("events", events);
      }
      w.put("secret_env", secretEnv);
      w.put("prompt", hook.path("prompt").asText("{{payload}}"));
      out.add(w);
      notes.add("webhook '" + name + "' is POST /hooks/" + agent + "/" + name + " on the coordinator, verified with the"
          + " secret in the coordinator's " + secretEnv);
    }
    return out;
  }

  private static String systemPrompt(JsonNode c, String displayName) {
    StringBuilder s = new StringBuilder("You are ").append(displayName);
    String description = c.path("description").asText("");
    s.append(description.isBlank() ? "." : ", " + lowerFirst(description) + ".");
    if (!c.path("personality").asText("").isBlank()) {
      s.append("\n\n").append(c.get("personality").asText().strip());
    }
    return s.append('\n').toString();
  }

  private static String lowerFirst(String text) {
    return text.length() > 1 && Character.isUpperCase(text.charAt(0)) && !Character.isUpperCase(text.charAt(1))
        ? Character.toLowerCase(text.charAt(0)) + text.substring(1) : text;
  }
}
