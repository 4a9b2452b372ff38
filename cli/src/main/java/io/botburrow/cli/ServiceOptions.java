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

  /** The config file's properties: environment variables override them. */
  Map<String, Object> fileProperties(String service) {
    Path file = config != null ? config : Path.of("config", service + ".yml");
    Map<String, Object> props = new LinkedHashMap<>();
    // the operator's model routing is one file, read by the gateway and by every runner's embedded gateway
    if (("runner".equals(service) || "gateway".equals(service)) && !file.equals(Path.of("config", "gateway.yml"))) {
      props.putAll(ConfigFiles.load(Path.of("config", "gateway.yml")));
    }
    props.putAll(ConfigFiles.load(file));
    return props;
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
