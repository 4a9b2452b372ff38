package io.botburrow.memory;

import io.botburrow.memory.MemoryStore.Snapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A local copy of memory, a plain directory: what it holds, read without following a symbolic link, where a
 * downloaded object may go in it, and the permissions that let the sandbox user use it.
 */
final class MemoryDirectory {
  private static final Set<OpenOption> READ_NO_LINKS = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

  private MemoryDirectory() {}

  /** The regular files under {@code dir}, symbolic links and special files left out (and hidden ones when asked). */
  static Snapshot snapshot(Path dir, boolean skipHidden) {
    Map<String, String> files = new TreeMap<>();
    long bytes = 0;
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return Snapshot.EMPTY;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) walk::iterator) {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String relative = relative(dir, file);
        if (!attributes.isRegularFile() || (skipHidden && hidden(relative))) {
          continue;
        }
        byte[] content = read(file);
        files.put(relative, sha256(content));
        bytes += content.length;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read memory in " + dir, e);
    }
    return new Snapshot(files, bytes);
  }

  private static boolean hidden(String relative) {
    for (String part : relative.split("/")) {
      if (part.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** {@code relative} under {@code dir}, or null when it would leave it. */
  static Path safeResolve(Path dir, String relative) {
    if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\")) {
      return null;
    }
    Path target = dir.resolve(relative).normalize();
    return target.startsWith(dir.normalize()) && !target.equals(dir.normalize()) ? target : null;
  }

  static void openUp(Path dir, boolean writable) throws IOException {
    var dirs = PosixFilePermissions.fromString(writable ? "rwxrwxrwx" : "rwxr-xr-x");
    var files = PosixFilePermissions.fromString(writable ? "rw-rw-rw-" : "rw-r--r--");
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Files.setPosixFilePermissions(p, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? dirs : files);
      }
    }
  }

  static byte[] read(Path file) throws IOException {
    try (SeekableByteChannel channel = Files.newByteChannel(file, READ_NO_LINKS);
        InputStream in = Channels.newInputStream(channel)) {
      return in.readAllBytes();
    }
  }

  private static String relative(Path dir, Path file) {
    return dir.relativize(file).toString().replace('\\', '/');
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
