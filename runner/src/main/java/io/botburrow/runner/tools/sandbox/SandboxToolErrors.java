package io.botburrow.runner.tools.sandbox;

import io.botburrow.runner.sandbox.SandboxException;
import io.botburrow.runner.tools.ToolOutcome;

/** A refused or failed file operation is the model's to see; a broken engine is the activation's. */
final class SandboxToolErrors {
  private SandboxToolErrors() {}

  static ToolOutcome outcome(SandboxException e) {
    if (e.retryable()) {
      throw e;
    }
    return ToolOutcome.error(e.getMessage());
  }
}
