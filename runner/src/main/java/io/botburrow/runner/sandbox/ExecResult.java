package io.botburrow.runner.sandbox;

/**
 * What a command in the sandbox produced.
 *
 * @param exitCode the process exit code (137 when killed by SIGKILL)
 * @param stdout standard output, possibly cut at the output cap
 * @param stderr standard error, possibly cut at the output cap
 * @param truncated true when output was cut; the cut text ends with a
 *     {@code [output truncated after N bytes]} marker
 * @param timedOut the command was killed at its timeout
 * @param oomKilled a process was killed for exceeding the sandbox's memory limit
 * @param pidsExhausted a fork failed at the sandbox's pids limit
 */
public record ExecResult(
    int exitCode,
    String stdout,
    String stderr,
    boolean truncated,
    boolean timedOut,
    boolean oomKilled,
    boolean pidsExhausted) {

  public ExecResult {
    stdout = stdout == null ? "" : stdout;
    stderr = stderr == null ? "" : stderr;
  }

  /** The single most telling reason the command ended: a hit limit wins over the exit code. */
  public ExecTermination termination() {
    if (oomKilled) {
      return ExecTermination.OOM_KILLED;
    }
    if (pidsExhausted) {
      return ExecTermination.PIDS_EXHAUSTED;
    }
    if (timedOut) {
      return ExecTermination.TIMED_OUT;
    }
    return ExecTermination.EXITED;
  }

  public boolean succeeded() {
    return exitCode == 0 && termination() == ExecTermination.EXITED;
  }
}
