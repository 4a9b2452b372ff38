package io.botburrow.runner.sandbox;

/** A workspace file operation was refused or failed; the message is safe to show the model. */
public class SandboxFileException extends SandboxException {
  public SandboxFileException(String message) {
    super(message, false);
  }
}
