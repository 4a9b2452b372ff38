package io.botburrow.runner.tools.sandbox;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which sandbox tools to offer. Pure: {@code shell} when {@code capabilities.shell.enabled};
 * {@code read_file} and {@code list_files} with {@code filesystem:read} or {@code filesystem:write};
 * {@code write_file} with {@code filesystem:write}.
 */
public final class SandboxToolOffer {
  public static final String FILESYSTEM_READ = "filesystem:read";
  public static final String FILESYSTEM_WRITE = "filesystem:write";

  private SandboxToolOffer() {}

  public static Set<SandboxToolKind> decide(boolean shellEnabled, Set<String> grants) {
    Set<SandboxToolKind> offered = EnumSet.noneOf(SandboxToolKind.class);
    if (shellEnabled) {
      offered.add(SandboxToolKind.SHELL);
    }
    boolean write = grants.contains(FILESYSTEM_WRITE);
    if (write || grants.contains(FILESYSTEM_READ)) {
      offered.add(SandboxToolKind.READ_FILE);
      offered.add(SandboxToolKind.LIST_FILES);
    }
    if (write) {
      offered.add(SandboxToolKind.WRITE_FILE);
    }
    return offered;
  }

  /** True when the activation needs a sandbox at all. */
  public static boolean needsSandbox(boolean shellEnabled, Set<String> grants) {
    return !decide(shellEnabled, grants).isEmpty();
  }
}
