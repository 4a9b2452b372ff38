package io.botburrow.devkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Closes what was started, last first, and goes on when one fails: for harnesses that start a Hub,
 * S3, Redis and services one after the other and must stop all of them however the run ends.
 */
public final class ClosingStack implements AutoCloseable {
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final Consumer<Exception> onFailure;

  /** @param onFailure told of each close that threw; the rest are closed anyway */
  public ClosingStack(Consumer<Exception> onFailure) {
    this.onFailure = onFailure;
  }

  /** Remembers {@code resource} to be closed before everything pushed earlier; returns it. */
  public synchronized <T extends AutoCloseable> T push(T resource) {
    started.push(resource);
    return resource;
  }

  @Override
  public void close() {
    AutoCloseable next;
    while ((next = pop()) != null) {
      try {
        next.close();
      } catch (Exception e) {
        onFailure.accept(e);
      }
    }
  }

  private synchronized AutoCloseable pop() {
    return started.poll();
  }
}
