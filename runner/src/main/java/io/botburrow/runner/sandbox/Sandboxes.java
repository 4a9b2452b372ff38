package io.botburrow.runner.sandbox;

/**
 * Port: hands out one isolated sandbox per activation. The sandbox has no network, no credentials
 * and a private workspace at {@link Sandbox#WORKSPACE}.
 */
public interface Sandboxes {

  /**
   * Returns a started sandbox ready to run commands: a warm one when the pool has one for the image,
   * else a freshly created one. Blocks until it is ready. Never returns the same sandbox twice. The
   * caller must {@link Sandbox#close()} it (try-with-resources) however the activation ends.
   *
   * @throws SandboxException when the sandbox cannot be created; {@link SandboxException#retryable()}
   *     tells whether trying again later may help
   */
  Sandbox acquire(SandboxRequest request);
}
