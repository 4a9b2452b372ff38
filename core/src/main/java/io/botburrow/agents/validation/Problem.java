package io.botburrow.agents.validation;

import java.util.Objects;

/**
 * One finding in a definitions folder, printed like a compiler's: {@code agents/foo/config.yaml:12: message}.
 *
 * @param file path as the user should see it (relative to the folder, or as given)
 * @param line 1-based line of the offending key, 1 when the whole file is at fault
 * @param severity whether it stops an upload
 * @param message what is wrong, starting with the field when there is one
 * @param forceable an error that {@code --force} may override (the runners cannot run it yet, but the
 *     definition itself is sound)
 */
public record Problem(String file, int line, Severity severity, String message, boolean forceable) {
  public enum Severity { ERROR, WARNING }

  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1, was " + line);
    }
    if (forceable && severity != Severity.ERROR) {
      throw new IllegalArgumentException("only errors can be forceable");
    }
  }

  public static Problem error(String file, int line, String message) {
    return new Problem(file, line, Severity.ERROR, message, false);
  }

  public static Problem warning(String file, int line, String message) {
    return new Problem(file, line, Severity.WARNING, message, false);
  }

  /** An error that {@code --force} overrides. */
  public static Problem forceable(String file, int line, String message) {
    return new Problem(file, line, Severity.ERROR, message, true);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** This problem with {@code file} shown as {@code shownAs}, e.g. with the folder the user typed in front. */
  public Problem in(String shownAs) {
    return new Problem(shownAs, line, severity, message, forceable);
  }

  /** {@code file:line: message}, or {@code file:line: warning: message}. */
  @Override
  public String toString() {
    return file + ":" + line + ": " + (severity == Severity.WARNING ? "warning: " : "") + message;
  }
}
