package io.botburrow.cli.bench;

import io.botburrow.runner.sandbox.docker.DockerSandboxes;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** A runner of the executor benchmark, in this process, and the claims it made. */
record ExecutorRunner(ApplicationContext context, ClaimLog claims) implements AutoCloseable {
  /** Waits until the warm pool holds a container of {@code image} (a refill runs after each hand-out). */
  void awaitWarm(String image) {
    Duration timeout = ExecutorBenchmark.ACTIVATION_TIMEOUT;
    DockerSandboxes sandboxes = context.getBean(DockerSandboxes.class);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (sandboxes.idleCount(image) < 1) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no warm " + image + " sandbox after " + timeout.toSeconds() + " s");
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
