package io.botburrow.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Whether the development system can give agents Docker sandboxes, said in one line. */
final class Sandboxing {
  static final List<String> IMAGES =
      List.of("botburrow/agent-sandbox:latest", "botburrow/mcp-filesystem:latest", "botburrow/mcp-memory:latest");

  private Sandboxing() {}

  /** Starts with "Docker" when sandboxes are available; otherwise says why not and what follows. */
  static String detect() {
    if (!run("docker", "info")) {
      return "off: no Docker engine reachable, so agents get Hub tools only (no shell, file or MCP tools). "
          + "Start dockerd (or install docker.io) and restart to enable it.";
    }
    List<String> missing = IMAGES.stream().filter(i -> !run("docker", "image", "inspect", i)).toList();
    if (!missing.isEmpty()) {
      return "off: images " + missing + " are missing; build them with ./botburrow images and restart.";
    }
    return "Docker engine, images " + String.join(", ", IMAGES) + " (shell, file and MCP tools per agent grants)";
  }

  private static boolean run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
