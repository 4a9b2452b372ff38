package io.botburrow.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.Trigger;
import io.botburrow.channels.ReplyTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivationJsonReplyTargetTest {
  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  @Test
  void aSlackReplyTargetSurvivesTheRoundTrip() {
    ReplyTarget to = ReplyTarget.slack("C1", "1767000000.000100", "1767000000.000200");
    Activation a = Activation.triggered("ops-bot", ActivationKind.MESSAGE,
        new Trigger("slack:T1:C1:1767000000.000200", "t-1", "slack message in C1", "why?", null, Duration.ofHours(24),
            List.of(), to), NOW);

    Activation back = ActivationJson.read(ActivationJson.write(a));

    assertThat(back.trigger().replyTo()).isEqualTo(to);
    assertThat(back).isEqualTo(a);
  }

  @Test
  void aDiscordCommandTargetSurvivesTheRoundTrip() {
    ReplyTarget to = ReplyTarget.discordCommand("42", "app-1", "token-\"quoted\"");
    Activation a = Activation.triggered("ops-bot", ActivationKind.MESSAGE,
        new Trigger("discord:99", "t-2", "discord message in 42", "hi", null, null, List.of(), to), NOW);

    assertThat(ActivationJson.read(ActivationJson.write(a)).trigger().replyTo()).isEqualTo(to);
  }

  @Test
  void aDocumentWrittenBeforeReplyTargetsExistedStillReads() {
    String old = "{\"id\":\"0000019b7a2c1000000000000001\",\"agent\":\"ops-bot\",\"kind\":\"message\",\"reason\":\"api\","
        + "\"enqueuedAt\":1767225600000,\"attempt\":1,\"staleSince\":null,\"tkey\":\"message:t-9\",\"task\":\"t-9\","
        + "\"source\":\"api\",\"thread\":\"p-1\",\"dedupMs\":86400000,\"prompt\":\"hello\",\"nids\":[]}";

    Activation a = ActivationJson.read(old);

    assertThat(a.trigger().replyTo()).isNull();
    assertThat(a.trigger().thread()).isEqualTo("p-1");
    assertThat(a.trigger().prompt()).isEqualTo("hello");
  }

  @Test
  void theReplyTargetComesAfterTheFieldsTheScriptsMatch() {
    Activation a = Activation.triggered("ops-bot", ActivationKind.MESSAGE, new Trigger("discord:1", "t-3", "s", "p",
        null, null, List.of(), ReplyTarget.discordMessage("42", "1")), NOW);

    String json = ActivationJson.write(a);

    assertThat(json.indexOf("\"reply\"")).isGreaterThan(json.indexOf("\"attempt\""));
    assertThat(json).endsWith(ActivationJson.notificationIdsJson(a) + "}");
  }
}
