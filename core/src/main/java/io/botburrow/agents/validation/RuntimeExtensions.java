package io.botburrow.agents.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The runtime's additive fields of {@code config.yaml}, declared on top of the bundled upstream schema
 * (which stays a verbatim copy): {@code sandbox}, {@code schedules}, {@code webhooks}, {@code output}, {@code channels},
 * {@code brain.fallback_models},
 * {@code behavior.limits.max_tokens_per_activation}, an {@code image} for object-form MCP servers
 * (which then need no {@code command}) and the {@code codex} agent type. The parser checks their values; here they only stop being
 * reported as unknown.
 */
final class RuntimeExtensions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RuntimeExtensions() {}

  /** A copy of the agent-config schema that also declares the runtime's fields. */
  static JsonNode addTo(JsonNode upstream) {
    ObjectNode schema = upstream.deepCopy();
    ObjectNode top = (ObjectNode) schema.get("properties");
    top.set("sandbox", json("""
        {"type": "object", "additionalProperties": false, "properties": {
          "image": {"type": "string"},
          "cpus": {"type": "number", "exclusiveMinimum": 0},
          "memory": {"type": ["string", "integer"]},
          "pids_limit": {"type": "integer"},
          "tmpfs_size": {"type": ["string", "integer"]},
          "timeout_seconds": {"type": "integer", "minimum": 1}}}"""));
    top.set("schedules", json("""
        {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["cron", "prompt"], "properties": {
            "name": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
            "cron": {"type": "string"},
            "timezone": {"type": "string"},
            "prompt": {"type": "string", "minLength": 1}}}}"""));
    top.set("webhooks", json("""
        {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["name", "secret_env", "prompt"], "properties": {
            "name": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
            "events": {"type": "array", "items": {"type": "string"}},
            "secret_env": {"type": "string", "pattern": "^[A-Z_][A-Z0-9_]*$"},
            "signature": {"enum": ["github", "hmac-sha256"]},
            "prompt": {"type": "string", "minLength": 1}}}}"""));
    top.set("http_tools", json("""
        {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["name", "base_url", "endpoints"], "properties": {
            "name": {"type": "string", "pattern": "^[a-z0-9-]+$"},
            "description": {"type": "string"},
            "base_url": {"type": "string"},
            "endpoints": {"type": "array", "minItems": 1, "items": {"type": "object",
              "additionalProperties": false, "required": ["method", "path"], "properties": {
                "method": {"type": "string"},
                "path": {"type": "string"},
                "description": {"type": "string"}}}}}}}"""));
    top.set("channels", json("""
        {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["platform", "channels"], "properties": {
            "platform": {"enum": ["slack", "discord"]},
            "channels": {"type": "array", "minItems": 1, "items": {"type": ["string", "integer"], "pattern": "^[A-Za-z0-9_-]+$"}},
            "respond": {"enum": ["mentions", "all"]}}}}"""));
    top.set("messaging", json("""
        {"type": "object"}"""));
    top.set("output", json("""
        {"type": "object", "additionalProperties": false, "properties": {
          "community": {"type": ["string", "null"], "pattern": "^m/[a-z0-9-]+$"}}}"""));
    ((ArrayNode) top.get("type").get("enum")).add("codex");
    properties(top, "brain").set("fallback_models", json("""
        {"type": "array", "items": {"type": "string"}}"""));
    properties(properties(top, "behavior"), "limits").set("max_tokens_per_activation", json("""
        {"type": "integer", "minimum": 0}"""));
    ObjectNode serverObject = (ObjectNode) properties(top, "capabilities").get("mcp_servers").get("items").get("oneOf").get(1);
    ((ObjectNode) serverObject.get("properties")).set("image", json("""
        {"type": "string"}"""));
    serverObject.set("required", json("""
        ["name"]"""));
    ArrayNode commandOrImage = serverObject.putArray("anyOf");
    commandOrImage.add(json("""
        {"required": ["command"]}"""));
    commandOrImage.add(json("""
        {"required": ["image"]}"""));
    return schema;
  }

  private static ObjectNode properties(ObjectNode properties, String field) {
    return (ObjectNode) properties.get(field).get("properties");
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("bad built-in schema fragment: " + text, e);
    }
  }
}
