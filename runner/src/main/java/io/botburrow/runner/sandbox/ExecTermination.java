package io.botburrow.runner.sandbox;

/** How a command in the sandbox ended, so an activation can report limits that were hit. */
public enum ExecTermination {
  /** The command ran to its end; it may still have failed (non-zero exit code). */
  EXITED,
  /** The command ran past its timeout and was killed. */
  TIMED_OUT,
  /** The kernel killed a process because the sandbox reached its memory limit. */
  OOM_KILLED,
  /** A fork failed because the sandbox reached its pids limit (e.g. a fork bomb). */
  PIDS_EXHAUSTED
}
