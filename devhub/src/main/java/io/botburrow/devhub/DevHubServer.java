package io.botburrow.devhub;

import io.botburrow.common.ConfigFileSource;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Starts the development Hub in its own {@link ApplicationContext} (environment {@code hub}), so it can
 * share a JVM with a coordinator and runners. Defaults come from {@code application-hub.yml}: port 8080
 * on 127.0.0.1; {@code micronaut.server.port=-1} picks a free port.
 */
public final class DevHubServer implements AutoCloseable {
  public static final String ENVIRONMENT = "hub";

  private final ApplicationContext context;
  private final EmbeddedServer server;

  private DevHubServer(ApplicationContext context, EmbeddedServer server) {
    this.context = context;
    this.server = server;
  }

  /** Starts the Hub and its HTTP server; blocks until it listens. The caller closes it. */
  public static DevHubServer start(Map<String, Object> properties) {
    return start(Map.of(), properties);
  }

  /**
   * Like {@link #start(Map)}, with a config file's properties that environment variables (e.g.
   * {@code BOTBURROW_HUB_ADMIN_KEY}) override ({@link ConfigFileSource}).
   */
  public static DevHubServer start(Map<String, Object> fileProperties, Map<String, Object> properties) {
    Objects.requireNonNull(properties, "properties");
    ApplicationContext context = ApplicationContext.builder()
        .environments(ENVIRONMENT)
        .deduceEnvironment(false)
        .banner(false)
        .propertySources(ConfigFileSource.of(fileProperties))
        .properties(properties)
        .start();
    try {
      EmbeddedServer server = context.getBean(EmbeddedServer.class);
      server.start();
      return new DevHubServer(context, server);
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
  }

  /** For example {@code http://127.0.0.1:8080}, without a trailing slash. */
  public URI baseUrl() {
    return URI.create("http://" + server.getHost() + ":" + server.getPort());
  }

  /** The service/admin key this Hub accepts. */
  public String adminKey() {
    return context.getBean(HubConfig.class).adminKey();
  }

  /** The context, for embedding code that needs a bean. */
  public ApplicationContext context() {
    return context;
  }

  public boolean isRunning() {
    return server.isRunning();
  }

  /** Stops the server and the context. Idempotent. */
  @Override
  public void close() {
    if (context.isRunning()) {
      context.close();
    }
  }
}
