package io.botburrow.runner.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import io.botburrow.runner.sandbox.FileEntry;
import io.botburrow.runner.sandbox.SandboxException;
import io.botburrow.runner.sandbox.SandboxFileException;
import io.botburrow.runner.sandbox.WorkspacePath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Workspace file operations. Reads and listings run as sandbox commands (as the sandbox user);
 * writes go through the engine's archive API, which works on a read-only container because the
 * workspace is a volume, and sends file content outside the command channel.
 */
final class DockerWorkspaceFiles {
  private static final Duration FILE_OP_TIMEOUT = Duration.ofSeconds(30);
  private static final String READ_SCRIPT =
      "[ -f \"$1\" ] || { echo \"not a file: $1\" >&2; exit 2; }; head -c \"$2\" -- \"$1\"";
  private static final String LIST_SCRIPT =
      "[ -d \"$1\" ] || { echo \"not a directory: $1\" >&2; exit 2; };"
          + " find \"$1\" -mindepth 1 -maxdepth \"$2\" -exec stat -c '%F|%s|%n' {} +";
  private static final int LIST_CAP_BYTES = 1 << 20;

  private final DockerClient docker;
  private final SandboxCommands commands;
  private final String containerId;
  private final int uid;
  private final int gid;

  DockerWorkspaceFiles(DockerClient docker, SandboxCommands commands, String containerId, int uid, int gid) {
    this.docker = docker;
    this.commands = commands;
    this.containerId = containerId;
    this.uid = uid;
    this.gid = gid;
  }

  byte[] read(String path, int maxBytes) {
    String resolved = WorkspacePath.resolve(path);
    DockerExec.Output out = commands.run(
        List.of("sh", "-c", READ_SCRIPT, "sh", resolved, Integer.toString(maxBytes)), FILE_OP_TIMEOUT, maxBytes);
    failUnlessOk(out, "cannot read " + resolved);
    return out.stdout().bytes();
  }

  void write(String path, byte[] content) {
    String resolved = WorkspacePath.resolve(path);
    int slash = resolved.lastIndexOf('/');
    String parent = resolved.substring(0, slash);
    String name = resolved.substring(slash + 1);
    if (resolved.equals(io.botburrow.runner.sandbox.Sandbox.WORKSPACE)) {
      throw new SandboxFileException("cannot write the workspace directory itself");
    }
    DockerExec.Output mkdir = commands.run(List.of("mkdir", "-p", "--", parent), FILE_OP_TIMEOUT, 4096);
    failUnlessOk(mkdir, "cannot create " + parent);
    try {
      docker.copyArchiveToContainerCmd(containerId).withRemotePath(parent)
          .withTarInputStream(new ByteArrayInputStream(tar(name, content))).exec();
    } catch (RuntimeException e) {
      throw DockerErrors.translate("cannot write " + resolved, e);
    }
  }

  List<FileEntry> list(String directory, int maxDepth) {
    String resolved = WorkspacePath.resolve(directory);
    DockerExec.Output out = commands.run(
        List.of("sh", "-c", LIST_SCRIPT, "sh", resolved, Integer.toString(Math.max(1, maxDepth))),
        FILE_OP_TIMEOUT, LIST_CAP_BYTES);
    failUnlessOk(out, "cannot list " + resolved);
    return parseListing(out.stdout().text());
  }

  /** Parses {@code stat -c '%F|%s|%n'} lines, sorted by path. */
  static List<FileEntry> parseListing(String text) {
    List<FileEntry> entries = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] parts = line.split("\\|", 3);
      if (parts.length == 3 && parts[2].startsWith("/")) {
        boolean directory = parts[0].equals("directory");
        entries.add(new FileEntry(parts[2], directory, directory ? 0 : Long.parseLong(parts[1])));
      }
    }
    entries.sort(Comparator.comparing(FileEntry::path));
    return List.copyOf(entries);
  }

  private byte[] tar(String name, byte[] content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(content.length + 1024);
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      TarArchiveEntry entry = new TarArchiveEntry(name);
      entry.setSize(content.length);
      entry.setMode(0100644);
      entry.setIds(uid, gid);
      tar.putArchiveEntry(entry);
      tar.write(content);
      tar.closeArchiveEntry();
    } catch (IOException e) {
      throw new SandboxException("cannot pack file " + name, false, e);
    }
    return bytes.toByteArray();
  }

  private static void failUnlessOk(DockerExec.Output out, String what) {
    if (out.exitCode() != 0) {
      String reason = new String(out.stderr().bytes(), StandardCharsets.UTF_8).strip();
      throw new SandboxFileException(what + (reason.isEmpty() ? "" : ": " + reason));
    }
  }
}
