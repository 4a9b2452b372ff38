package io.botburrow.triggers;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of {@code webhooks:}, served at {@code POST /hooks/<agent>/<name>}.
 *
 * @param name path segment, {@code ^[a-z0-9-]+$}
 * @param events accepted event names (GitHub's {@code X-GitHub-Event}, or the generic event header); empty: all
 * @param secretEnv the coordinator's environment variable holding the signing secret (never the secret itself)
 * @param prompt what the agent is asked; {@code {{payload}}} and {@code {{event}}} are replaced
 * @param signature how deliveries are signed
 */
public record WebhookSpec(String name, List<String> events, String secretEnv, String prompt, Signature signature) {

  /** Signature schemes. */
  public enum Signature {
    /** {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>}, {@code X-GitHub-Delivery}, {@code X-GitHub-Event}. */
    GITHUB,
    /**
     * {@code X-Signature-256: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">} with
     * {@code X-Webhook-Timestamp} (epoch seconds), {@code X-Webhook-Id} and {@code X-Webhook-Event}.
     */
    HMAC_SHA256;

    public static Signature fromWire(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "github" -> GITHUB;
        case "hmac-sha256", "hmac" -> HMAC_SHA256;
        default -> throw new IllegalArgumentException("signature: must be github or hmac-sha256, was '" + value + "'");
      };
    }
  }

  public WebhookSpec {
    Objects.requireNonNull(name, "name");
    if (!name.matches("^[a-z0-9][a-z0-9-]{0,62}$")) {
      throw new IllegalArgumentException("name: must match ^[a-z0-9][a-z0-9-]*$, was '" + name + "'");
    }
    events = events == null ? List.of() : List.copyOf(events);
    if (secretEnv == null || !secretEnv.matches("^[A-Z_][A-Z0-9_]*$")) {
      throw new IllegalArgumentException("secret_env: must name an environment variable like GITHUB_WEBHOOK_SECRET");
    }
    if (prompt == null || prompt.isBlank()) {
      throw new IllegalArgumentException("prompt: is required");
    }
    signature = signature == null ? Signature.GITHUB : signature;
  }

  /** Whether an event of this name is accepted. */
  public boolean accepts(String event) {
    return events.isEmpty() || events.contains("*") || (event != null && events.contains(event));
  }

  /** The prompt with {@code {{event}}} and {@code {{payload}}} filled in. */
  public String render(String event, String payload) {
    // event first: a payload may itself contain the text {{event}}
    return prompt.replace("{{event}}", event == null ? "" : event).replace("{{payload}}", payload);
  }
}
