package io.botburrow.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.agents.validation.DefinitionValidator;
import io.botburrow.agents.validation.RuntimeRules;
import io.botburrow.triggers.WebhookSpec;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TriggersParserTest {
  static final String OPS = """
      name: ops-bot
      type: native
      brain:
        model: gpt-4o-mini
      capabilities:
        grants: [hub:read, hub:write]
      schedules:
        - cron: "*/5 * * * *"
          timezone: Europe/Paris
          prompt: Run the coordination loop.
        - name: nightly
          cron: "@daily"
          prompt: Summarise the day.
      webhooks:
        - name: github
          events: [push, pull_request]
          secret_env: GITHUB_WEBHOOK_SECRET
          prompt: "Process this GitHub {{event}} event: {{payload}}"
        - name: alerts
          signature: hmac-sha256
          secret_env: ALERTS_SECRET
          prompt: "Alert: {{payload}}"
      output:
        community: m/ops
      """;

  private final AgentConfigParser parser = new AgentConfigParser();

  @Test
  void readsSchedulesWebhooksAndOutput() {
    ParsedAgentConfig parsed = parser.parse("agents/ops-bot/config.yaml", OPS);

    var triggers = parsed.config().triggers();
    assertThat(parsed.warnings()).isEmpty();
    assertThat(triggers.schedules()).hasSize(2);
    assertThat(triggers.schedules().get(0).id()).isEqualTo("0");
    assertThat(triggers.schedules().get(0).timezone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(triggers.schedule("nightly")).isPresent();
    assertThat(triggers.webhook("github").orElseThrow().signature()).isEqualTo(WebhookSpec.Signature.GITHUB);
    assertThat(triggers.webhook("github").orElseThrow().accepts("issues")).isFalse();
    assertThat(triggers.webhook("alerts").orElseThrow().signature()).isEqualTo(WebhookSpec.Signature.HMAC_SHA256);
    assertThat(triggers.output().community()).isEqualTo("m/ops");
  }

  @Test
  void definitionsWithoutTriggersHaveNone() {
    String plain = OPS.substring(0, OPS.indexOf("schedules:"));

    var triggers = parser.parse("agents/ops-bot/config.yaml", plain).config().triggers();

    assertThat(triggers.schedules()).isEmpty();
    assertThat(triggers.webhooks()).isEmpty();
    assertThat(triggers.output().postsToCommunity()).isFalse();
  }

  @Test
  void badCronTimeZoneOrSecretVariableNameTheField() {
    assertThatThrownBy(() -> parser.parse("agents/ops-bot/config.yaml", OPS.replace("*/5 * * * *", "*/5 * *")))
        .hasMessageContaining("schedules[0].cron").hasMessageContaining("5 fields");
    assertThatThrownBy(() -> parser.parse("agents/ops-bot/config.yaml", OPS.replace("Europe/Paris", "Mars/Olympus")))
        .hasMessageContaining("schedules[0].timezone");
    assertThatThrownBy(() -> parser.parse("agents/ops-bot/config.yaml", OPS.replace("ALERTS_SECRET", "alerts secret")))
        .hasMessageContaining("webhooks[1]").hasMessageContaining("secret_env");
  }

  @Test
  void theUploadValidatorAcceptsTheTriggerBlocks() {
    var problems = new DefinitionValidator(RuntimeRules.DEFAULT).validateAgent("agents/ops-bot/config.yaml", OPS);

    assertThat(problems).isEmpty();
  }

  @Test
  void theUploadValidatorReportsAnUnknownFieldInAWebhook() {
    var problems = new DefinitionValidator(RuntimeRules.DEFAULT)
        .validateAgent("agents/ops-bot/config.yaml", OPS.replace("    events: [push, pull_request]", "    events: [push]\n    secret: hunter2"));

    assertThat(problems).anySatisfy(p -> assertThat(p.toString()).contains("secret"));
  }

  @Test
  void rendersThePayloadAndEventIntoThePrompt() {
    WebhookSpec hook = parser.parse("agents/ops-bot/config.yaml", OPS).config().triggers().webhook("github").orElseThrow();

    assertThat(hook.render("push", "{\"ref\":\"main\"}")).isEqualTo("Process this GitHub push event: {\"ref\":\"main\"}");
  }
}
