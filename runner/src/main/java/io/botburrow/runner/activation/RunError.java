package io.botburrow.runner.activation;

import io.botburrow.agents.AgentDefinitionException;
import io.botburrow.channels.ChannelException;
import io.botburrow.hub.HubException;
import io.botburrow.llm.BudgetExceededException;
import io.botburrow.llm.LlmException;
import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.runner.mcp.McpException;
import io.botburrow.runner.sandbox.SandboxException;

/**
 * What an exception that ended a run means: the error reported, whether another attempt may succeed, and what the
 * people who asked are told if none will.
 *
 * @param unexpected whether no part of the runtime expects it (a bug: its stack trace is logged)
 */
record RunError(String error, boolean retryable, String explanation, boolean unexpected) {

  static RunError of(String agent, RuntimeException e) {
    return switch (e) {
      case AgentDefinitionException d -> expected("Agent(name=" + agent + ") definition cannot be used: " + d.getMessage(),
          d.retryable(), d.retryable() ? CannotAnswer.definitionUnavailable() : CannotAnswer.definition(d));
      case HubException h -> expected("Hub call failed: " + h.getMessage(), h.retryable(), CannotAnswer.failedRepeatedly());
      case BudgetExceededException b -> expected("Budget spent: " + b.getMessage(), false, CannotAnswer.budgetSpent(b));
      case LlmException l -> expected("Model call failed: " + l.getMessage(), l.retryable(),
          l.retryable() ? CannotAnswer.modelUnavailable() : CannotAnswer.refused());
      case QueueUnavailableException q -> expected("Redis unavailable: " + q.getMessage(), true, CannotAnswer.failedRepeatedly());
      case ChannelException c ->
          expected("Reply channel failed: " + c.getMessage(), c.retryable(), CannotAnswer.failedRepeatedly());
      case SandboxException s -> expected("Sandbox failed: " + s.getMessage(), s.retryable(), CannotAnswer.failedRepeatedly());
      case McpException m -> expected("MCP sidecar failed: " + m.getMessage(), m.retryable(),
          m.retryable() ? CannotAnswer.failedRepeatedly() : CannotAnswer.refused());
      default -> new RunError("Unexpected error: " + e, true, CannotAnswer.failedRepeatedly(), true);
    };
  }

  /** Whether {@code e}, or anything that caused it, says Redis was out of reach (not the agent's failure). */
  static boolean redisOutOfReach(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof QueueUnavailableException) {
        return true;
      }
    }
    return false;
  }

  private static RunError expected(String error, boolean retryable, String explanation) {
    return new RunError(error, retryable, explanation, false);
  }
}
