package io.botburrow.runner.llm;

import io.botburrow.agents.Brain;
import io.botburrow.llm.LlmException;
import java.net.URI;
import java.util.function.Function;

/** Decides, from an agent's brain and the runner's settings, which endpoint and key serve it. */
public final class ModelRouter {
  private final LlmProperties props;
  private final Function<String, String> env;

  /** @param env looks up the runner's environment (keys live there, never in configs) */
  public ModelRouter(LlmProperties props, Function<String, String> env) {
    this.props = props;
    this.env = env;
  }

  /** @throws LlmException (not retryable) when the agent's provider cannot be served */
  public ModelRoute route(Brain brain) {
    if (props.overrideBaseUrl() != null) {
      String model = blank(props.overrideModel()) ? brain.model() : props.overrideModel();
      return new ModelRoute(props.overrideProvider(), props.overrideBaseUrl(), orEmpty(props.overrideApiKey()), model);
    }
    String provider = brain.provider();
    return switch (provider) {
      case "openai", "local" -> route("openai", brain, openaiBase(brain), "OPENAI_API_KEY");
      case "anthropic" -> route("anthropic", brain, brain.apiBase() == null ? props.anthropicBaseUrl() : URI.create(brain.apiBase()), "ANTHROPIC_API_KEY");
      default -> throw new LlmException("provider '" + provider + "' is not supported (use openai, local or anthropic)", 0, false, null);
    };
  }

  private ModelRoute route(String wire, Brain brain, URI base, String defaultKeyEnv) {
    String keyEnv = blank(brain.apiKeyEnv()) ? defaultKeyEnv : brain.apiKeyEnv();
    String key = orEmpty(env.apply(keyEnv));
    boolean hosted = base.getHost() != null && (base.getHost().endsWith("openai.com") || base.getHost().endsWith("anthropic.com"));
    if (key.isEmpty() && hosted) {
      throw new LlmException("no API key for " + base + ": set the environment variable " + keyEnv + " on the runner", 401, false, null);
    }
    return new ModelRoute(wire, base, key, brain.model());
  }

  private URI openaiBase(Brain brain) {
    if (!blank(brain.apiBase()) && !"https://api.openai.com/v1".equals(brain.apiBase())) {
      return URI.create(brain.apiBase());
    }
    String fromEnv = env.apply("OPENAI_BASE_URL");
    return blank(fromEnv) ? (blank(brain.apiBase()) ? props.openaiBaseUrl() : URI.create(brain.apiBase())) : URI.create(fromEnv);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
