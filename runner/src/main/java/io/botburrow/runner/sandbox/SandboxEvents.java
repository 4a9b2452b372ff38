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

  /** Every one of {@code listeners}, in order. */
  static SandboxEvents all(java.util.List<? extends SandboxEvents> listeners) {
    java.util.List<SandboxEvents> each = java.util.List.copyOf(listeners);
    return new SandboxEvents() {
      @Override
      public void acquired(SandboxRequest request, boolean warm, long millis) {
        each.forEach(l -> l.acquired(request, warm, millis));
      }

      @Override
      public void commandEnded(SandboxRequest request, ExecResult result) {
        each.forEach(l -> l.commandEnded(request, result));
      }

      @Override
      public void closed(SandboxRequest request) {
        each.forEach(l -> l.closed(request));
      }

      @Override
      public void reaped(String containerId) {
        each.forEach(l -> l.reaped(containerId));
      }

      @Override
      public void poolSize(String image, int size) {
        each.forEach(l -> l.poolSize(image, size));
      }
    };
  }
}
