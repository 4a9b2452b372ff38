package io.botburrow.runner.sandbox;

/** What a sandbox adapter reports (to metrics, logs); listeners never change its state. */
public interface SandboxEvents {
  SandboxEvents NONE = new SandboxEvents() {};

  /** A sandbox became ready; {@code warm} when it came from the pool. */
  default void acquired(SandboxRequest request, boolean warm, long millis) {}

  default void commandEnded(SandboxRequest request, ExecResult result) {}

  default void closed(SandboxRequest request) {}

  /** The reaper removed an orphaned container. */
  default void reaped(String containerId) {}

  /** The warm pool of {@code image} now holds {@code size} containers. */
  default void poolSize(String image, int size) {}
}
