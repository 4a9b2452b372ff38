package io.botburrow.runner.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One started sandbox container owned by one activation. Thread-safe; commands may run concurrently.
 * Every file path is resolved by {@link WorkspacePath}: relative paths are taken from {@link
 * #WORKSPACE} and nothing outside it can be named.
 */
public interface Sandbox extends AutoCloseable {
  /** Where the workspace is mounted, in the sandbox and in file-working MCP sidecars alike. */
  String WORKSPACE = "/workspace";

  /** Where {@link Attachments#run()} is mounted (read-only): the sockets the runner serves this sandbox. */
  String RUN = "/run/botburrow";
  /** Where {@link Attachments#privateMemory()} is mounted (read-write). */
  String PRIVATE_MEMORY = "/memory/private";
  /** Where {@link Attachments#teamMemory()} is mounted (read-only). */
  String TEAM_MEMORY = "/memory/team";

  /** The container id. */
  String id();

  /**
   * The id of the workspace storage (a volume) that MCP sidecars of the same activation mount at
   * {@link #WORKSPACE} to see the same files.
   */
  String workspaceId();

  /** The request it was acquired for. */
  SandboxRequest request();

  /**
   * Host directories mounted into this sandbox since it was made, for what an activation brings to
   * it (sockets, memory): empty when the adapter has none.
   */
  default Optional<Attachments> attachments() {
    return Optional.empty();
  }

  /**
   * Closes the sandbox, handing its host directories to {@code afterStop} once its processes are gone
   * and before the directories are removed: what is read there then cannot change any more.
   */
  default void close(java.util.function.Consumer<Attachments> afterStop) {
    close();
  }

  /**
   * A sandbox's host directories.
   *
   * @param run mounted read-only at {@link #RUN}
   * @param privateMemory mounted read-write at {@link #PRIVATE_MEMORY}, writable by the sandbox user
   * @param teamMemory mounted read-only at {@link #TEAM_MEMORY}
   */
  record Attachments(Path run, Path privateMemory, Path teamMemory) {}

  /**
   * Runs {@code argv} as the sandbox user with working directory {@link #WORKSPACE}. Blocks until the
   * command ends or {@code timeout} passes, when the command and its children are killed. Output
   * beyond {@code outputCapBytes} per stream is dropped and marked.
   *
   * @throws SandboxException when the command could not be started at all (container gone,
   *     engine unreachable); a failing command is a result, not an exception
   */
  ExecResult exec(List<String> argv, Duration timeout, int outputCapBytes);

  /** Runs {@code script} with {@code sh -c}; see {@link #exec(List, Duration, int)}. */
  default ExecResult shell(String script, Duration timeout, int outputCapBytes) {
    return exec(List.of("sh", "-c", script), timeout, outputCapBytes);
  }

  /**
   * Reads at most {@code maxBytes} of a workspace file.
   *
   * @throws SandboxFileException when the path escapes the workspace, is missing or is not a file
   */
  byte[] readFile(String path, int maxBytes);

  /**
   * Writes a workspace file, creating parent directories, replacing any previous content.
   *
   * @throws SandboxFileException when the path escapes the workspace or cannot be written (e.g. full)
   */
  void writeFile(String path, byte[] content);

  /**
   * Lists a workspace directory recursively up to {@code maxDepth} levels, sorted by path.
   *
   * @throws SandboxFileException when the path escapes the workspace or is not a directory
   */
  List<FileEntry> listFiles(String directory, int maxDepth);

  /** Removes the container and its workspace. Idempotent; never throws. */
  @Override
  void close();
}
