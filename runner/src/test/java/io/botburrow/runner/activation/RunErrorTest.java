package io.botburrow.runner.activation;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.agents.AgentNotFoundException;
import io.botburrow.agents.AgentStoreUnavailableException;
import io.botburrow.hub.HubException;
import io.botburrow.llm.BudgetExceededException;
import io.botburrow.llm.LlmException;
import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.runner.mcp.McpException;
import org.junit.jupiter.api.Test;

class RunErrorTest {

  @Test
  void aMissingDefinitionIsPermanentAndAnUnreachableStoreIsRetried() {
    RunError missing = RunError.of("alice", new AgentNotFoundException("alice"));
    RunError unreachable = RunError.of("alice", new AgentStoreUnavailableException("timeout", null));

    assertThat(missing.error()).startsWith("Agent(name=alice) definition cannot be used: ");
    assertThat(missing.retryable()).isFalse();
    assertThat(missing.explanation()).isEqualTo(CannotAnswer.definition(new AgentNotFoundException("alice")));
    assertThat(unreachable.retryable()).isTrue();
    assertThat(unreachable.explanation()).isEqualTo(CannotAnswer.definitionUnavailable());
  }

  @Test
  void aSpentBudgetIsNeverRetriedThoughItIsAModelFailure() {
    BudgetExceededException spent = new BudgetExceededException(BudgetExceededException.Scope.AGENT_DAY, 5, 5, "USD");

    RunError error = RunError.of("alice", spent);

    assertThat(error.error()).isEqualTo("Budget spent: " + spent.getMessage());
    assertThat(error.retryable()).isFalse();
    assertThat(error.explanation()).isEqualTo(CannotAnswer.budgetSpent(spent));
  }

  @Test
  void aRefusedModelOrToolIsExplainedAsConfigurationAndAnUnreachableOneAsAnOutage() {
    assertThat(RunError.of("alice", new LlmException("down", 503, true, null)).explanation())
        .isEqualTo(CannotAnswer.modelUnavailable());
    assertThat(RunError.of("alice", new LlmException("forbidden", 403, false, null)).explanation())
        .isEqualTo(CannotAnswer.refused());
    assertThat(RunError.of("alice", new McpException("not allowed", false, null)).explanation())
        .isEqualTo(CannotAnswer.refused());
    assertThat(RunError.of("alice", new McpException("gone", true, null)).explanation())
        .isEqualTo(CannotAnswer.failedRepeatedly());
  }

  @Test
  void onlyAnExceptionNoPartExpectsIsUnexpected() {
    RunError hub = RunError.of("alice", new HubException("bad request", 400, null));
    RunError redis = RunError.of("alice", new QueueUnavailableException("down", null));
    IllegalStateException bug = new IllegalStateException("bug");
    RunError crash = RunError.of("alice", bug);

    assertThat(hub).isEqualTo(new RunError("Hub call failed: bad request", false, CannotAnswer.failedRepeatedly(), false));
    assertThat(redis).isEqualTo(new RunError("Redis unavailable: down", true, CannotAnswer.failedRepeatedly(), false));
    assertThat(crash).isEqualTo(new RunError("Unexpected error: " + bug, true, CannotAnswer.failedRepeatedly(), true));
  }
}
