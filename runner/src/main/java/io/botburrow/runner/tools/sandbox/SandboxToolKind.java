package io.botburrow.runner.tools.sandbox;

/** The sandbox tools an agent may be offered. */
public enum SandboxToolKind {
  SHELL,
  READ_FILE,
  LIST_FILES,
  WRITE_FILE
}
