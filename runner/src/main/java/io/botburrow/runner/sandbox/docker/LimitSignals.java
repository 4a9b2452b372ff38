package io.botburrow.runner.sandbox.docker;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure decisions about which sandbox limit a command hit, from its output and from the cgroup
 * counters read inside the container ({@code oom_kill} of the memory controller, {@code max} of the
 * pids controller). Docker's {@code State.OOMKilled} only covers the main process, not an exec.
 */
public final class LimitSignals {
  /** Reads the counters under cgroup v1 and v2 alike; a missing file is not an error. */
  public static final String READ_COUNTERS_SCRIPT =
      "cat /sys/fs/cgroup/memory/memory.oom_control /sys/fs/cgroup/pids/pids.events"
          + " /sys/fs/cgroup/memory.events /sys/fs/cgroup/pids.events 2>/dev/null; true";

  private static final Pattern OOM_KILL = Pattern.compile("(?m)^oom_kill (\\d+)$");
  private static final Pattern PIDS_MAX = Pattern.compile("(?m)^max (\\d+)$");
  private static final List<String> FORK_FAILURES = List.of(
      "can't fork", "cannot fork", "fork: resource temporarily unavailable", "fork: retry",
      "blockingioerror: [errno 11]", "unable to create native thread");

  private LimitSignals() {}

  /** Kernel counters of limit hits since the container started. */
  public record Counters(long oomKills, long pidsLimitHits) {
    public static final Counters ZERO = new Counters(0, 0);

    public static Counters parse(String text) {
      return new Counters(first(OOM_KILL, text), first(PIDS_MAX, text));
    }

    private static long first(Pattern pattern, String text) {
      Matcher matcher = pattern.matcher(text == null ? "" : text);
      return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
  }

  /** True when the output shows a failed fork, as shells, Python and the JVM print it. */
  public static boolean looksLikeForkFailure(String stdout, String stderr) {
    String text = (stdout + "\n" + stderr).toLowerCase(Locale.ROOT);
    return FORK_FAILURES.stream().anyMatch(text::contains);
  }

  /**
   * Whether the counters are worth reading after a command: a clean exit with no fork-failure text
   * cannot have hit a limit that matters, and reading costs one more exec.
   */
  public static boolean worthChecking(int exitCode, boolean timedOut, boolean forkFailureText) {
    return exitCode != 0 || timedOut || forkFailureText;
  }

  /** True when a timeout-killed command (SIGKILL, or coreutils' 124) ran for its whole timeout. */
  public static boolean timedOut(int exitCode, long elapsedMillis, long timeoutMillis) {
    return (exitCode == 137 || exitCode == 124) && elapsedMillis + 50 >= timeoutMillis;
  }
}
