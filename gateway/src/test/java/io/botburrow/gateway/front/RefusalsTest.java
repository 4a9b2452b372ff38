package io.botburrow.gateway.front;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.llm.BudgetExceededException;
import io.botburrow.llm.BudgetExceededException.Scope;
import io.botburrow.llm.LlmException;
import io.botburrow.queue.QueueUnavailableException;
import org.junit.jupiter.api.Test;

class RefusalsTest {

  @Test
  void aSpentBudgetSaysWhichInItsUnitAndThatItIsNotRetried() {
    assertThat(Refusals.budgetMessage(new BudgetExceededException(Scope.AGENT_DAY, 5.128, 5, "USD"))).isEqualTo(
        "This agent's budget for today is spent (5.13 of 5.00 USD). It is not retried: ask an operator, or wait for"
            + " the next period.");
    assertThat(Refusals.budgetMessage(new BudgetExceededException(Scope.TENANT_MONTH, 160, 100, "tokens")))
        .startsWith("This month's budget for all agents of this tenant is spent (160 of 100 tokens).");
  }

  @Test
  void theStatusIsTheProvidersErrorStatusElseABadGateway() {
    assertThat(Refusals.status(new LlmException("rate limited", 429, true, null))).isEqualTo(429);
    assertThat(Refusals.status(new LlmException("connection reset", 0, true, null))).isEqualTo(502);
    assertThat(Refusals.status(new QueueUnavailableException("redis down", null))).isEqualTo(503);
    assertThat(Refusals.status(new IllegalStateException())).isEqualTo(500);
  }

  @Test
  void anErrorWithoutMessageReadsAsAGatewayError() {
    assertThat(Refusals.message(new LlmException(null, 500, false, null))).isEqualTo("gateway error");
    assertThat(Refusals.message(new LlmException("upstream failed", 500, false, null))).isEqualTo("upstream failed");
  }
}
