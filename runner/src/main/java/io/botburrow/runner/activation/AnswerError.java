package io.botburrow.runner.activation;

import io.botburrow.hub.HubException;
import io.botburrow.llm.LlmException;
import io.botburrow.runner.mcp.McpException;
import io.botburrow.runner.sandbox.SandboxException;

/**
 * What an exception that stopped the answer to one notification means: whether a later delivery may answer it,
 * and the reply that tells the sender why the agent cannot.
 */
final class AnswerError {
  private AnswerError() {}

  static boolean retryable(RuntimeException e) {
    return switch (e) {
      case LlmException x -> x.retryable();
      case HubException x -> x.retryable();
      case SandboxException x -> x.retryable();
      case McpException x -> x.retryable();
      default -> true;
    };
  }

  static String explanation(RuntimeException e, boolean retryable) {
    if (e instanceof LlmException) {
      return retryable ? CannotAnswer.modelUnavailable() : CannotAnswer.refused();
    }
    if (e instanceof McpException && !retryable) {
      return CannotAnswer.refused();
    }
    return CannotAnswer.failedRepeatedly();
  }
}
