package io.botburrow.runner.sandbox.docker;

import java.util.Objects;

/**
 * A size-capped in-memory filesystem owned by the container user. Needed because the root filesystem
 * is read-only and Docker here cannot cap a writable layer's size.
 */
public record TmpfsMount(String path, long sizeBytes, int uid, int gid, boolean executable)
    implements ContainerDecorator {

  public TmpfsMount {
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("tmpfs path must be absolute: " + path);
    }
    if (sizeBytes <= 0) {
      throw new IllegalArgumentException("tmpfs size must be > 0, was " + sizeBytes);
    }
  }

  /** {@code /tmp}: world-writable with the sticky bit, nothing executable from it. */
  public static TmpfsMount tmp(long sizeBytes, int uid, int gid) {
    return new TmpfsMount("/tmp", sizeBytes, uid, gid, false);
  }

  public String options() {
    return "rw,nosuid,nodev," + (executable ? "exec" : "noexec") + ",size=" + sizeBytes
        + ",uid=" + uid + ",gid=" + gid + ",mode=1777";
  }

  @Override
  public void decorate(ContainerSpec.Builder spec) {
    spec.tmpfs(path, options());
  }
}
