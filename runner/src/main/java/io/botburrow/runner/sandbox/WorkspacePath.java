package io.botburrow.runner.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;

/** Resolves paths given by the model to absolute paths that cannot leave {@link Sandbox#WORKSPACE}. */
public final class WorkspacePath {
  private WorkspacePath() {}

  /**
   * Resolves {@code path} (relative to the workspace, or absolute under it) and normalizes {@code .}
   * and {@code ..}. A path that would climb above the workspace is refused rather than clamped, so the
   * model learns its mistake.
   *
   * @throws SandboxFileException for a blank path, a NUL byte, or a path outside the workspace
   */
  public static String resolve(String path) {
    if (path == null || path.isBlank()) {
      throw new SandboxFileException("path must not be blank");
    }
    if (path.indexOf('\0') >= 0) {
      throw new SandboxFileException("path must not contain NUL");
    }
    String relative = path.strip();
    if (relative.startsWith("/")) {
      if (!relative.equals(Sandbox.WORKSPACE) && !relative.startsWith(Sandbox.WORKSPACE + "/")) {
        throw outside(path);
      }
      relative = relative.substring(Sandbox.WORKSPACE.length());
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String part : relative.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          throw outside(path);
        }
        parts.removeLast();
      } else {
        parts.addLast(part);
      }
    }
    return parts.isEmpty() ? Sandbox.WORKSPACE : Sandbox.WORKSPACE + "/" + String.join("/", parts);
  }

  private static SandboxFileException outside(String path) {
    return new SandboxFileException("path is outside " + Sandbox.WORKSPACE + ": " + path);
  }
}
