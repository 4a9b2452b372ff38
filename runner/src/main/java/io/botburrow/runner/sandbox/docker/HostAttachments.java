package io.botburrow.runner.sandbox.docker;

import io.botburrow.runner.sandbox.Sandbox;
import io.botburrow.runner.sandbox.SandboxException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A container's own host directories, made before it is created and bind-mounted into it, so that
 * what an activation brings (the runner's sockets, the agent's memory) reaches a container that was
 * started earlier, warm: {@code run} read-only at {@link Sandbox#RUN}, {@code private} read-write at
 * {@link Sandbox#PRIVATE_MEMORY} (open to the sandbox user, who is not the runner's), {@code team}
 * read-only at {@link Sandbox#TEAM_MEMORY}.
 */
record HostAttachments(Path root) implements ContainerDecorator {
  private static final Logger LOG = LoggerFactory.getLogger(HostAttachments.class);

  static HostAttachments create(Path root) {
    try {
      Files.createDirectories(root);
      Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
      var attachments = new HostAttachments(root);
      for (Path dir : new Path[] {attachments.run(), attachments.team()}) {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      Files.createDirectories(attachments.privateMemory());
      Files.setPosixFilePermissions(attachments.privateMemory(), PosixFilePermissions.fromString("rwxrwxrwx"));
      return attachments;
    } catch (IOException | UnsupportedOperationException e) {
      throw new SandboxException("cannot make the sandbox's host directory " + root + ": " + e.getMessage(), false, e);
    }
  }

  Path run() {
    return root.resolve("run");
  }

  Path privateMemory() {
    return root.resolve("private");
  }

  Path team() {
    return root.resolve("team");
  }

  Sandbox.Attachments view() {
    return new Sandbox.Attachments(run(), privateMemory(), team());
  }

  @Override
  public void decorate(ContainerSpec.Builder spec) {
    spec.volume(ContainerSpec.VolumeMount.hostDirectory(run().toString(), Sandbox.RUN));
    spec.volume(new ContainerSpec.VolumeMount(privateMemory().toString(), Sandbox.PRIVATE_MEMORY, false, true));
    spec.volume(ContainerSpec.VolumeMount.hostDirectory(team().toString(), Sandbox.TEAM_MEMORY));
  }

  /** Removes the directories and whatever the activation left in them; best effort. */
  void delete() {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException failed) throws IOException {
          Files.deleteIfExists(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      LOG.debug("Sandbox host directory {} not fully removed: {}", root, e.toString());
    }
  }
}
