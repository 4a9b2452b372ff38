package io.botburrow.runner.sandbox.docker;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Shared set-up of tests against the real Docker engine: they skip cleanly when it is absent. */
public final class DockerTestSupport {
  public static final String BUSYBOX = "botburrow/busybox-sandbox:latest";
  public static final String AGENT_SANDBOX = "botburrow/agent-sandbox:latest";
  public static final String MCP_FILESYSTEM = "botburrow/mcp-filesystem:latest";
  public static final String MCP_MEMORY = "botburrow/mcp-memory:latest";

  private DockerTestSupport() {}

  /** A client for the local engine, or the test is skipped. */
  public static DockerClient dockerOrSkip() {
    DockerClient docker = DockerClients.create(null);
    assumeTrue(DockerClients.reachable(docker), "Docker engine not reachable: skipping");
    return docker;
  }

  /** Builds {@code target} with sandbox-images/build.sh when missing, or skips the test saying why. */
  public static void requireImage(DockerClient docker, String image, String target) {
    if (imagePresent(docker, image)) {
      return;
    }
    String log = runBuild(target);
    assumeTrue(imagePresent(docker, image), "image " + image + " could not be built offline: skipping\n" + log);
  }

  public static boolean imagePresent(DockerClient docker, String image) {
    try {
      docker.inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private static String runBuild(String target) {
    Path script = imagesDir().resolve("build.sh");
    try {
      Path log = Files.createTempFile("sandbox-images", ".log");
      Process process = new ProcessBuilder(List.of("bash", script.toString(), "--if-missing", target))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
      }
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e.toString();
    }
  }

  public static Path imagesDir() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("sandbox-images/build.sh"))) {
        return dir.resolve("sandbox-images");
      }
    }
    throw new IllegalStateException("sandbox-images/build.sh not found above " + Path.of("").toAbsolutePath());
  }

  /** A runner id unique to one test class run, so concurrent runs never reap each other. */
  public static String uniqueRunnerId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Removes everything a test runner id left behind, whatever the test did. */
  public static void removeAllOf(DockerClient docker, String runnerId) {
    if (runnerId == null) {
      // the test was skipped (or failed) before it named its runner: it started nothing
      return;
    }
    ContainerRemover remover = new ContainerRemover(docker);
    docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(ManagedLabels.RUNNER, runnerId)).exec()
        .forEach(container -> remover.remove(container.getId(), null));
    var volumes = docker.listVolumesCmd().withFilter("label", List.of(ManagedLabels.RUNNER + "=" + runnerId))
        .exec().getVolumes();
    new ArrayList<>(volumes == null ? List.of() : volumes).forEach(volume -> remover.removeVolume(volume.getName()));
  }
}
