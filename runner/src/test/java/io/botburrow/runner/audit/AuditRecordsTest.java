package io.botburrow.runner.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.llm.ChatModel;
import io.botburrow.llm.Usage;
import io.botburrow.runner.llm.ChatModelSource;
import io.botburrow.runner.llm.ModelRoute;
import io.botburrow.runner.tools.ToolOutcome;
import io.botburrow.secrets.Redactor;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a tool call's record keeps of its arguments and errors: secrets hidden, long texts cut. */
class AuditRecordsTest {
  private static final String SECRET = "sk-live-0123456789abcdef";
  private final AuditRecords records = new AuditRecords(Redactor.of(List.of(SECRET)), new ChatModelSource() {
    public ChatModel model(ModelRoute route, Scope scope) {
      throw new UnsupportedOperationException();
    }

    public double cost(String model, Usage usage) {
      return 0;
    }
  });

  @Test
  void aToolCallThatThrewIsRecordedAsFailedWithItsErrorRedactedAndCut() {
    String message = SECRET + " " + "x".repeat(600);
    var data = records.toolCall("hub_search", "{\"q\":\"" + SECRET + "\"}", null, new IllegalStateException(message),
        Duration.ofMillis(7));

    assertThat(data).containsEntry("status", "failed").containsEntry("result_chars", 0).containsEntry("took_ms", 7L);
    assertThat(data.get("arguments")).isEqualTo("{\"q\":\"[REDACTED]\"}");
    String error = (String) data.get("error");
    assertThat(error).startsWith("IllegalStateException: [REDACTED] xxx").doesNotContain(SECRET)
        .endsWith("…[" + ("IllegalStateException: [REDACTED] ".length() + 600 - AuditRecords.MAX_ERROR_CHARS) + " more]");
  }

  @Test
  void aToolCallAnsweredWithAnErrorKeepsTheAnswerAsItsError() {
    var data = records.toolCall("hub_post", null, ToolOutcome.error("not allowed"), null, Duration.ZERO);

    assertThat(data).containsEntry("status", "error").containsEntry("arguments", "null")
        .containsEntry("error", ToolOutcome.error("not allowed").content());
    assertThat(records.toolCall("hub_post", "{}", ToolOutcome.ok("fine"), null, Duration.ZERO))
        .containsEntry("status", "ok").containsEntry("result_chars", 4).doesNotContainKey("error");
  }

  @Test
  void cutKeepsShortTextsAndSaysHowMuchItLeftOff() {
    assertThat(AuditRecords.cut(null, 3)).isEmpty();
    assertThat(AuditRecords.cut("abc", 3)).isEqualTo("abc");
    assertThat(AuditRecords.cut("abcdef", 3)).isEqualTo("abc…[3 more]");
  }
}
