package io.botburrow.runner.activation;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.hub.HubException;
import io.botburrow.llm.LlmException;
import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.runner.mcp.McpException;
import io.botburrow.runner.sandbox.SandboxException;
import org.junit.jupiter.api.Test;

/** Whether a failed answer may succeed later, and what the sender is told when it will not. */
class AnswerErrorTest {

  @Test
  void eachKindOfFailureSaysWhetherALaterDeliveryMayAnswer() {
    assertThat(AnswerError.retryable(new LlmException("overloaded", 529, true, null))).isTrue();
    assertThat(AnswerError.retryable(new LlmException("bad model", 400, false, null))).isFalse();
    assertThat(AnswerError.retryable(new HubException("forbidden", 403, null))).isFalse();
    assertThat(AnswerError.retryable(new SandboxException("no image", false))).isFalse();
    assertThat(AnswerError.retryable(new McpException("sidecar gone", true, null))).isTrue();
    assertThat(AnswerError.retryable(new QueueUnavailableException("failover", null))).isTrue();
  }

  @Test
  void theExplanationNamesTheModelOrARefusalAndOtherwiseRepeatedFailure() {
    assertThat(AnswerError.explanation(new LlmException("overloaded", 529, true, null), true))
        .isEqualTo(CannotAnswer.modelUnavailable());
    assertThat(AnswerError.explanation(new LlmException("bad model", 400, false, null), false))
        .isEqualTo(CannotAnswer.refused());
    assertThat(AnswerError.explanation(new McpException("not allowed", false, null), false))
        .isEqualTo(CannotAnswer.refused());
    assertThat(AnswerError.explanation(new McpException("sidecar gone", true, null), true))
        .isEqualTo(CannotAnswer.failedRepeatedly());
    assertThat(AnswerError.explanation(new HubException("unavailable", 503, null), true))
        .isEqualTo(CannotAnswer.failedRepeatedly());
  }
}
