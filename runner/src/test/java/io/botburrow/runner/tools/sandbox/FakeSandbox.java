package io.botburrow.runner.tools.sandbox;

import io.botburrow.runner.sandbox.ExecResult;
import io.botburrow.runner.sandbox.FileEntry;
import io.botburrow.runner.sandbox.Sandbox;
import io.botburrow.runner.sandbox.SandboxLimits;
import io.botburrow.runner.sandbox.SandboxRequest;
import io.botburrow.runner.sandbox.WorkspacePath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An in-memory sandbox: files in a map, commands answered by a scripted result. */
final class FakeSandbox implements Sandbox {
  final Map<String, byte[]> files = new TreeMap<>();
  final List<String> commands = new ArrayList<>();
  ExecResult nextResult = new ExecResult(0, "", "", false, false, false, false);

  @Override
  public String id() {
    return "fake";
  }

  @Override
  public String workspaceId() {
    return "fake-ws";
  }

  @Override
  public SandboxRequest request() {
    return new SandboxRequest("act", "agent", "image", SandboxLimits.defaults(), Instant.EPOCH);
  }

  @Override
  public ExecResult exec(List<String> argv, Duration timeout, int outputCapBytes) {
    commands.add(String.join(" ", argv));
    return nextResult;
  }

  @Override
  public byte[] readFile(String path, int maxBytes) {
    byte[] content = files.get(WorkspacePath.resolve(path));
    if (content == null) {
      throw new io.botburrow.runner.sandbox.SandboxFileException("not a file: " + WorkspacePath.resolve(path));
    }
    return java.util.Arrays.copyOf(content, Math.min(maxBytes, content.length));
  }

  @Override
  public void writeFile(String path, byte[] content) {
    files.put(WorkspacePath.resolve(path), content.clone());
  }

  @Override
  public List<FileEntry> listFiles(String directory, int maxDepth) {
    String root = WorkspacePath.resolve(directory);
    return files.entrySet().stream().filter(e -> e.getKey().startsWith(root + "/"))
        .map(e -> new FileEntry(e.getKey(), false, e.getValue().length)).toList();
  }

  @Override
  public void close() {}
}
