package io.botburrow.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by the service commands. */
final class ServiceOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "YAML config file (default: config/<service>.yml when present).")
  Path config;

  @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (metrics, health, API).")
  Integer port;

  @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE", description = "Set any property, e.g. -D botburrow.runner.slots=8.")
  Map<String, String> overrides = new LinkedHashMap<>();

  /**
   * The config file's properties: environment variables override them. Runners and gateways read the
   * operator's model routing first: {@code gateway.yml} beside the config file (a mounted ConfigMap),
   * else {@code config/gateway.yml}.
   */
  Map<String, Object> fileProperties(String service) {
    Path file = config != null ? config : Path.of("config", service + ".yml");
    Map<String, Object> props = new LinkedHashMap<>();
    // the operator's model routing is one file, read by the gateway and by every runner's embedded gateway
    if ("runner".equals(service) || "gateway".equals(service)) {
      Path routing = routingFile(file);
      if (!routing.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
        props.putAll(ConfigFiles.load(routing));
      }
    }
    props.putAll(ConfigFiles.load(file));
    return props;
  }

  private static Path routingFile(Path file) {
    Path beside = file.toAbsolutePath().resolveSibling("gateway.yml");
    return java.nio.file.Files.isRegularFile(beside) ? beside : Path.of("config", "gateway.yml");
  }

  /** {@code --port} and {@code -D}: they override the config file and environment variables. */
  Map<String, Object> commandLineProperties() {
    Map<String, Object> props = new LinkedHashMap<>();
    if (port != null) {
      props.put("micronaut.server.port", port);
    }
    props.putAll(overrides);
    return props;
  }
}
