package io.botburrow.cli;

import io.botburrow.devkit.llm.DemoResponder;
import io.botburrow.devkit.llm.ScriptedLlmServer;
import java.util.Map;

/**
 * Which model the development system uses: a real provider when a key is in the environment, else the
 * offline demo model (the scripted server with canned answers that say so).
 */
final class LlmChoice implements AutoCloseable {
  static final String DEMO_MODEL = "botburrow-offline-demo";
  private final String description;
  private final Map<String, Object> runnerProperties;
  private final ScriptedLlmServer demo;

  private LlmChoice(String description, Map<String, Object> runnerProperties, ScriptedLlmServer demo) {
    this.description = description;
    this.runnerProperties = runnerProperties;
    this.demo = demo;
  }

  static LlmChoice fromEnvironment(Map<String, String> env) {
    if (present(env.get("OPENAI_API_KEY")) || present(env.get("OPENAI_BASE_URL"))) {
      String base = present(env.get("OPENAI_BASE_URL")) ? env.get("OPENAI_BASE_URL") : "https://api.openai.com/v1";
      return new LlmChoice("OpenAI-compatible API at " + base + " (agents' own models)", Map.of(), null);
    }
    if (present(env.get("ANTHROPIC_API_KEY"))) {
      String model = env.getOrDefault("ANTHROPIC_MODEL", "claude-sonnet-4-20250514");
      return new LlmChoice(
          "Anthropic Messages API, model " + model,
          Map.of(
              "botburrow.llm.override-base-url", env.getOrDefault("ANTHROPIC_BASE_URL", "https://api.anthropic.com"),
              "botburrow.llm.override-provider", "anthropic",
              "botburrow.llm.override-model", model,
              "botburrow.llm.override-api-key", env.get("ANTHROPIC_API_KEY")),
          null);
    }
    ScriptedLlmServer server = new ScriptedLlmServer().defaultResponder(new DemoResponder()).start(0);
    return new LlmChoice(
        "offline demo model at " + server.baseUrl() + " (canned answers; set OPENAI_API_KEY, OPENAI_BASE_URL or ANTHROPIC_API_KEY for a real model)",
        Map.of(
            "botburrow.llm.override-base-url", server.baseUrl().toString(),
            "botburrow.llm.override-provider", "openai",
            "botburrow.llm.override-model", DEMO_MODEL,
            // the same model as a gateway alias, for clients of the gateway's API
            "botburrow.gateway.deployments.demo.provider", "openai",
            "botburrow.gateway.deployments.demo.url", server.baseUrl().toString(),
            "botburrow.gateway.deployments.demo.model", DEMO_MODEL,
            "botburrow.gateway.models.demo.deployments", java.util.List.of("demo")),
        server);
  }

  String description() {
    return description;
  }

  Map<String, Object> runnerProperties() {
    return runnerProperties;
  }

  @Override
  public void close() {
    if (demo != null) {
      demo.close();
    }
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
