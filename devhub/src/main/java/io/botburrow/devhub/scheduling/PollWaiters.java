package io.botburrow.devhub.scheduling;

import io.botburrow.devhub.notifications.NotificationStore;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parked long-polls. Each is a future, so a waiting poll holds no thread; the first notification for a
 * runnable agent completes them all.
 */
@Singleton
@Requires(env = "hub")
public class PollWaiters {
  private final Set<CompletableFuture<Void>> waiting = ConcurrentHashMap.newKeySet();

  PollWaiters(NotificationStore notifications, RunnableAgents runnable) {
    notifications.subscribe(notification -> {
      if (runnable.isSchedulable(notification.recipient())) {
        wakeAll();
      }
    });
  }

  /** A future completed at the next notification for a runnable agent. */
  CompletableFuture<Void> register() {
    CompletableFuture<Void> waiter = new CompletableFuture<>();
    waiting.add(waiter);
    return waiter;
  }

  void forget(CompletableFuture<Void> waiter) {
    waiting.remove(waiter);
  }

  /** How many long-polls are parked right now. */
  public int size() {
    return waiting.size();
  }

  private void wakeAll() {
    for (CompletableFuture<Void> waiter : waiting) {
      waiting.remove(waiter);
      waiter.complete(null);
    }
  }
}
