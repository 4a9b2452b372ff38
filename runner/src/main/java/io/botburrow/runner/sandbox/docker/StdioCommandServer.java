package io.botburrow.runner.sandbox.docker;

import io.botburrow.runner.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Gives the sandbox a POSIX shell loop that runs commands sent on its stdin (see {@link StdioCommandChannel}),
 * with stdio attached. The loop runs beside the keep-alive command, which stays the container's main process: a
 * shell exits when it cannot fork (a fork bomb at the pids limit), and the sandbox must outlive that (the channel
 * then gives no answer, and commands go through exec). Each request line is {@code TOKEN SECONDS
 * BASE64}; the command runs as the container user in {@link Sandbox#WORKSPACE} under {@code timeout
 * -s KILL}, exactly as an exec would, with its stdin from {@code /dev/null} and a raised OOM score so
 * that the kernel kills it rather than the loop. Its output is followed by {@code NUL TOKEN SP
 * EXIT-CODE LF} on stdout and {@code NUL TOKEN LF} on stderr. The loop ends with its stdin; the container keeps
 * running until it is removed.
 *
 * <p>An image without {@code base64} or {@code timeout} gets the plain keep-alive command instead
 * (it never greets, so every command goes through exec).
 */
public record StdioCommandServer(List<String> keepAlive) implements ContainerDecorator {
  /** The first line the loop writes; the channel takes commands only after it. */
  public static final String HELLO = "botburrow-commands 1";

  static final String SCRIPT = """
      cd %s 2>/dev/null
      command -v base64 >/dev/null 2>&1 && command -v timeout >/dev/null 2>&1 || exec "$@"
      exec 3<&0
      {
      printf '%s\\n'
      while IFS=' ' read -r token secs payload; do
        script=$(printf '%%s' "$payload" | base64 -d) || script='echo "sandbox: undecodable command" >&2; exit 126'
        timeout -s KILL "$secs" sh -c "{ echo 1000 >/proc/self/oom_score_adj; } 2>/dev/null
      $script" </dev/null
        rc=$?
        printf '\\000%%s %%s\\n' "$token" "$rc"
        printf '\\000%%s\\n' "$token" >&2
      done
      } <&3 3<&- &
      exec "$@" 3<&-
      """.formatted(Sandbox.WORKSPACE, HELLO);

  public StdioCommandServer {
    keepAlive = List.copyOf(keepAlive);
    if (keepAlive.isEmpty()) {
      throw new IllegalArgumentException("keep-alive command must not be empty");
    }
  }

  /** The container's command: the loop, with the keep-alive command as its arguments. */
  public List<String> command() {
    List<String> command = new ArrayList<>(List.of("sh", "-c", SCRIPT, "sandbox-commands"));
    command.addAll(keepAlive);
    return List.copyOf(command);
  }

  @Override
  public void decorate(ContainerSpec.Builder spec) {
    spec.command(command()).attachStdio(true);
  }

  /** {@code argv} as one shell command line: each word single-quoted, so nothing in it is expanded. */
  static String quote(List<String> argv) {
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("command must not be empty");
    }
    return argv.stream().map(word -> "'" + word.replace("'", "'\\''") + "'")
        .collect(Collectors.joining(" ", "exec ", ""));
  }
}
