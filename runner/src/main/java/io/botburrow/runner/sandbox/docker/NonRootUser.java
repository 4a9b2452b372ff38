package io.botburrow.runner.sandbox.docker;

/** Runs as a numeric non-root user, which needs no entry in the image's {@code /etc/passwd}. */
public record NonRootUser(int uid, int gid) implements ContainerDecorator {
  public static final int DEFAULT_UID = 1000;
  public static final int DEFAULT_GID = 1000;

  public NonRootUser {
    if (uid <= 0 || gid <= 0) {
      throw new IllegalArgumentException("uid and gid must be > 0 (not root), were " + uid + ":" + gid);
    }
  }

  public static NonRootUser standard() {
    return new NonRootUser(DEFAULT_UID, DEFAULT_GID);
  }

  @Override
  public void decorate(ContainerSpec.Builder spec) {
    spec.user(uid + ":" + gid);
  }
}
