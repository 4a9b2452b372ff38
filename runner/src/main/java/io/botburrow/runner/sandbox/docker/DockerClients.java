package io.botburrow.runner.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.time.Duration;

/** Builds docker-java clients. */
public final class DockerClients {
  /** The engine's usual socket; {@code DOCKER_HOST} overrides it when no host is given. */
  public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

  private DockerClients() {}

  /**
   * A client for {@code dockerHost}, or for {@code DOCKER_HOST} / the default socket when it is null.
   * Enough connections for several activations' execs, attaches and a warm-pool refill at once.
   */
  public static DockerClient create(String dockerHost) {
    DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
    if (dockerHost != null && !dockerHost.isBlank()) {
      builder.withDockerHost(dockerHost);
    }
    DefaultDockerClientConfig config = builder.build();
    ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost())
        .sslConfig(config.getSSLConfig())
        .maxConnections(200)
        .connectionTimeout(Duration.ofSeconds(5))
        .build();
    return DockerClientImpl.getInstance(config, http);
  }

  /** True when an engine answers a ping on the client; for tests and start-up checks. */
  public static boolean reachable(DockerClient docker) {
    try {
      docker.pingCmd().exec();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
