package io.botburrow.cli;

import io.botburrow.common.ConfigFileSource;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import java.util.Optional;

/** Starts one service (hub, coordinator or runner) as its own Micronaut context with its own HTTP port. */
public final class Services {
  private Services() {}

  /** Starts a context in environment {@code role} and its HTTP server; blocks until it listens. */
  public static ApplicationContext start(String role, Map<String, Object> properties) {
    return start(role, Map.of(), properties);
  }

  /**
   * Like {@link #start(String, Map)}; {@code fileProperties} rank below environment variables
   * ({@link ConfigFileSource}), {@code properties} above them (command-line options).
   */
  public static ApplicationContext start(String role, Map<String, Object> fileProperties, Map<String, Object> properties) {
    ApplicationContext ctx = builder(role, fileProperties, properties).start();
    ctx.findBean(EmbeddedServer.class).ifPresent(s -> {
      if (!s.isRunning()) {
        s.start();
      }
    });
    return ctx;
  }

  /** The unstarted context {@link #start} would start. */
  static ApplicationContextBuilder builder(String role, Map<String, Object> fileProperties, Map<String, Object> properties) {
    return ApplicationContext.builder()
        .environments(role)
        .deduceEnvironment(false)
        .propertySources(ConfigFileSource.of(fileProperties))
        .properties(properties);
  }

  /** The configuration error a failed start came from, when it came from one (e.g. a refused key). */
  static Optional<ConfigurationException> configurationProblem(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConfigurationException c) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
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
