package io.botburrow.runner.sandbox.docker;

import io.botburrow.runner.sandbox.SandboxLimits;
import java.util.ArrayList;
import java.util.List;

/** The decorator lists that make a container a sandbox or an MCP sidecar. */
public final class SandboxHardening {
  private SandboxHardening() {}

  /** Restrictions every container we start gets, whatever its role. */
  public static List<ContainerDecorator> baseline(SandboxLimits limits, NonRootUser user) {
    List<ContainerDecorator> decorators = new ArrayList<>();
    decorators.add(new ReadOnlyRootFs());
    decorators.add(new DropAllCapabilities());
    decorators.add(new NoNewPrivileges());
    decorators.add(user);
    decorators.add(new InitProcess());
    decorators.add(new CpuLimit(limits.cpus()));
    decorators.add(new MemoryLimit(limits.memoryBytes()));
    decorators.add(new PidsLimit(limits.pidsLimit()));
    decorators.add(TmpfsMount.tmp(limits.tmpfsBytes(), user.uid(), user.gid()));
    return decorators;
  }

  /**
   * The agent's sandbox: baseline, no network, the workspace volume, its main process (a command
   * loop or an idle process) and the ownership labels.
   */
  public static List<ContainerDecorator> sandbox(
      SandboxLimits limits, NonRootUser user, String workspaceVolume, ManagedLabels labels,
      ContainerDecorator mainProcess) {
    List<ContainerDecorator> decorators = new ArrayList<>(baseline(limits, user));
    decorators.add(NetworkMode.none());
    decorators.add(new WorkspaceVolume(workspaceVolume));
    decorators.add(mainProcess);
    decorators.add(labels);
    return List.copyOf(decorators);
  }
}
