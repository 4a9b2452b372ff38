package io.botburrow.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;

/** Starts one service (hub, coordinator or runner) as its own Micronaut context with its own HTTP port. */
public final class Services {
  private Services() {}

  /** Starts a context in environment {@code role} and its HTTP server; blocks until it listens. */
  public static ApplicationContext start(String role, Map<String, Object> properties) {
    ApplicationContext ctx =
        ApplicationContext.builder()
            .environments(role)
            .deduceEnvironment(false)
            .properties(properties)
            .start();
    ctx.findBean(EmbeddedServer.class).ifPresent(s -> {
      if (!s.isRunning()) {
        s.start();
      }
    });
    return ctx;
  }

  public static String url(ApplicationContext ctx) {
    return ctx.findBean(EmbeddedServer.class).map(s -> "http://127.0.0.1:" + s.getPort()).orElse("(no HTTP)");
  }

  /** Blocks the calling thread until the JVM shuts down, closing {@code contexts} in reverse order first. */
  static void awaitShutdown(ApplicationContext... contexts) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      for (int i = contexts.length - 1; i >= 0; i--) {
        if (contexts[i] != null && contexts[i].isRunning()) {
          contexts[i].close();
        }
      }
    }, "botburrow-shutdown"));
    try {
      Thread.currentThread().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
