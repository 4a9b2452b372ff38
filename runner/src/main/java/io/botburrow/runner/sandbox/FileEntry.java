package io.botburrow.runner.sandbox;

import java.util.Objects;

/**
 * One entry of a workspace listing.
 *
 * @param path absolute path inside the sandbox, under {@link Sandbox#WORKSPACE}
 * @param directory true for a directory
 * @param sizeBytes size in bytes (0 for directories)
 */
public record FileEntry(String path, boolean directory, long sizeBytes) {
  public FileEntry {
    Objects.requireNonNull(path, "path");
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("sizeBytes must be >= 0");
    }
  }
}
