package io.botburrow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.MapPropertySource;
import io.micronaut.context.env.PropertySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Reads {@code k8s/} as Kubernetes would run it and checks that it can work: the container's
 * arguments are commands the image knows, the config file it names is where the ConfigMap is
 * mounted, the pod's environment resolves to the properties the services read (with Micronaut's own
 * environment-variable rules, over the mounted file), the HTTP port, probes and Prometheus
 * annotations agree, and Services and the disruption budget select the pods.
 */
class KubernetesManifestsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path K8S = findK8s();

  private static Path findK8s() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("k8s"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("k8s/ above " + Path.of("").toAbsolutePath()).isNotNull();
    return dir.resolve("k8s");
  }

  private static List<JsonNode> documents(Path file) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (var parser = YAML.getFactory().createParser(file.toFile())) {
      var values = YAML.readValues(parser, JsonNode.class);
      while (values.hasNext()) {
        JsonNode doc = values.next();
        if (doc != null && !doc.isEmpty()) {
          docs.add(doc);
        }
      }
    }
    return docs;
  }

  /** Everything kustomization.yaml applies. */
  private static List<JsonNode> applied() throws IOException {
    JsonNode kustomization = documents(K8S.resolve("kustomization.yaml")).getFirst();
    List<JsonNode> docs = new ArrayList<>();
    for (JsonNode resource : kustomization.get("resources")) {
      Path file = K8S.resolve(resource.asText());
      assertThat(file).as("resource listed in kustomization.yaml").isRegularFile();
      docs.addAll(documents(file));
    }
    return docs;
  }

  private static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
    return docs.stream().filter(doc -> kind.equals(doc.path("kind").asText())).toList();
  }

  private static JsonNode named(List<JsonNode> docs, String kind, String name) {
    return ofKind(docs, kind).stream().filter(doc -> name.equals(doc.path("metadata").path("name").asText()))
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
  }

  private static JsonNode container(JsonNode deployment) {
    for (JsonNode container : deployment.at("/spec/template/spec/containers")) {
      if ("botburrow".equals(container.path("name").asText())) {
        return container;
      }
    }
    throw new AssertionError("Deployment " + deployment.at("/metadata/name").asText() + " has no container botburrow");
  }

  private static List<JsonNode> botburrowDeployments(List<JsonNode> docs) {
    return ofKind(docs, "Deployment").stream()
        .filter(d -> d.at("/spec/template/spec/containers").findValuesAsText("name").contains("botburrow")).toList();
  }

  private static boolean selects(JsonNode selector, JsonNode labels) {
    var fields = selector.fields();
    while (fields.hasNext()) {
      var entry = fields.next();
      if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
        return false;
      }
    }
    return true;
  }

  @Test
  void everyDocumentIsAppliedOrIsTheSecretExample() throws IOException {
    List<JsonNode> docs = applied();
    assertThat(botburrowDeployments(docs)).extracting(d -> d.at("/metadata/name").asText())
        .contains("coordinator", "runner-notification", "runner-exploration");
    assertThat(ofKind(documents(K8S.resolve("secret.example.yaml")), "Secret")).hasSize(1);
  }

  @Test
  void containerArgumentsAreCommandsOfTheImage() throws IOException {
    for (JsonNode deployment : botburrowDeployments(applied())) {
      JsonNode container = container(deployment);
      assertThat(container.path("image").asText()).isEqualTo("botburrow/botburrow:latest");
      String[] args = YAML.convertValue(container.get("args"), String[].class);
      CommandLine.ParseResult parsed = new CommandLine(new Main()).parseArgs(args);
      assertThat(parsed.hasSubcommand()).as("args %s", List.of(args)).isTrue();
      assertThat(parsed.subcommand().commandSpec().name()).isIn("coordinator", "runner");
    }
  }

  @Test
  void servicesResolveTheirSettingsFromTheMountedConfigAndThePodEnvironment(@TempDir Path tmp) throws IOException {
    List<JsonNode> docs = applied();
    JsonNode secret = ofKind(documents(K8S.resolve("secret.example.yaml")), "Secret").getFirst();
    for (JsonNode deployment : botburrowDeployments(docs)) {
      String name = deployment.at("/metadata/name").asText();
      JsonNode pod = deployment.at("/spec/template/spec");
      JsonNode container = container(deployment);
      String[] args = YAML.convertValue(container.get("args"), String[].class);
      String role = args[0];

      // --config names a file inside a mounted ConfigMap that has that key
      String configPath = args[List.of(args).indexOf("--config") + 1];
      Path configFile = Path.of(configPath);
      JsonNode mount = findMount(container, configFile.getParent().toString())
          .orElseThrow(() -> new AssertionError(name + ": nothing mounted at " + configFile.getParent()));
      JsonNode volume = findVolume(pod, mount.path("name").asText());
      JsonNode configMap = named(docs, "ConfigMap", volume.at("/configMap/name").asText());
      String fileText = configMap.at("/data").path(configFile.getFileName().toString()).asText(null);
      assertThat(fileText).as("%s: ConfigMap key %s", name, configFile.getFileName()).isNotNull();
      Path local = Files.writeString(tmp.resolve(name + ".yml"), fileText);

      // the pod's environment: plain values, field references, and the Secret's keys
      Map<String, Object> env = new LinkedHashMap<>();
      for (JsonNode var : container.path("env")) {
        env.put(var.get("name").asText(), var.has("value") ? var.get("value").asText() : name + "-7d9f-abcde");
      }
      for (JsonNode from : container.path("envFrom")) {
        assertThat(from.at("/secretRef/name").asText()).isEqualTo(secret.at("/metadata/name").asText());
        secret.get("stringData").fieldNames().forEachRemaining(key -> env.put(key, "secret-" + key));
      }
      assertThat(env).as("%s: the image's entry point reads BOTBURROW_LOG_FORMAT", name)
          .containsEntry("BOTBURROW_LOG_FORMAT", "json");
      assertThat(Files.readString(K8S.resolve("image/botburrow-entrypoint"))).contains("BOTBURROW_LOG_FORMAT");

      Environment environment = environment(role, ConfigFiles.load(local), env);
      try {
        assertThat(environment.getProperty("botburrow.hub.api-key", String.class))
            .contains("secret-BOTBURROW_HUB_API_KEY");
        assertThat(environment.getProperty("botburrow.s3.access-key", String.class))
            .contains("secret-BOTBURROW_S3_ACCESS_KEY");
        assertThat(environment.getProperty("botburrow.s3.secret-key", String.class))
            .contains("secret-BOTBURROW_S3_SECRET_KEY");
        String redis = environment.getProperty("botburrow.redis.url", String.class).orElseThrow();
        JsonNode redisService = named(docs, "Service", java.net.URI.create(redis).getHost());
        assertThat(redisService.at("/spec/ports/0/port").asInt()).isEqualTo(java.net.URI.create(redis).getPort());

        int port = environment.getProperty("micronaut.server.port", Integer.class).orElseThrow();
        JsonNode http = findPort(container, "http");
        assertThat(http.path("containerPort").asInt()).as("%s: server port", name).isEqualTo(port);
        assertThat(environment.getProperty("endpoints.health.enabled", Boolean.class)).contains(true);
        assertThat(environment.getProperty("endpoints.prometheus.enabled", Boolean.class)).contains(true);
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
          assertThat(container.at("/" + probe + "/httpGet/path").asText()).isEqualTo("/health");
          assertThat(container.at("/" + probe + "/httpGet/port").asText()).isEqualTo("http");
        }

        if (role.equals("runner")) {
          String pool = environment.getProperty("botburrow.runner.pool", String.class).orElseThrow();
          assertThat(name).isEqualTo("runner-" + pool);
          assertThat(environment.getProperty("botburrow.runner.slots", Integer.class)).get().asInstanceOf(
              org.assertj.core.api.InstanceOfAssertFactories.INTEGER).isPositive();
          assertThat(environment.getProperty("botburrow.runner.id", String.class)).contains(name + "-7d9f-abcde");
          Duration drain = environment.getProperty("botburrow.runner.drain-timeout", Duration.class).orElseThrow();
          assertThat(Duration.ofSeconds(pod.path("terminationGracePeriodSeconds").asLong()))
              .as("%s: grace period leaves room to drain", name).isGreaterThan(drain.plusSeconds(10));
          assertThat(findMount(container, "/var/run/docker.sock")).as("%s: Docker engine", name).isPresent();
        } else {
          assertThat(environment.getProperty("botburrow.operator.key", String.class))
              .contains("secret-BOTBURROW_OPERATOR_KEY");
        }

        // a Service selects the pods and tells Prometheus where to scrape
        JsonNode labels = deployment.at("/spec/template/metadata/labels");
        assertThat(selects(deployment.at("/spec/selector/matchLabels"), labels)).isTrue();
        JsonNode service = ofKind(docs, "Service").stream()
            .filter(s -> selects(s.at("/spec/selector"), labels)
                && deploymentsSelectedBy(docs, s.at("/spec/selector")) == 1)
            .findFirst().orElseThrow(() -> new AssertionError(name + ": no Service selects only its pods"));
        assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
        JsonNode annotations = service.at("/metadata/annotations");
        assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/prometheus");
        assertThat(annotations.path("prometheus.io/port").asInt()).isEqualTo(port);
      } finally {
        environment.stop();
      }
    }
  }

  @Test
  void theCoordinatorKeepsAReplicaThroughDisruptions() throws IOException {
    List<JsonNode> docs = applied();
    JsonNode coordinator = named(docs, "Deployment", "coordinator");
    assertThat(coordinator.at("/spec/replicas").asInt()).isGreaterThan(1);
    JsonNode budget = named(docs, "PodDisruptionBudget", "coordinator");
    assertThat(selects(budget.at("/spec/selector/matchLabels"), coordinator.at("/spec/template/metadata/labels"))).isTrue();
  }

  private static long deploymentsSelectedBy(List<JsonNode> docs, JsonNode selector) {
    return ofKind(docs, "Deployment").stream().filter(d -> selects(selector, d.at("/spec/template/metadata/labels"))).count();
  }

  /**
   * The service's environment as its command builds it: the file below the environment variables,
   * which Micronaut maps to property names by its own rules ({@code BOTBURROW_RUNNER_POOL}).
   */
  private static Environment environment(String role, Map<String, Object> file, Map<String, Object> env) {
    PropertySource variables = new MapPropertySource(EnvironmentPropertySource.NAME, env) {
      @Override
      public int getOrder() {
        return EnvironmentPropertySource.POSITION;
      }

      @Override
      public PropertyConvention getConvention() {
        return PropertyConvention.ENVIRONMENT_VARIABLE;
      }
    };
    ApplicationContext ctx = Services.builder(role, file, Map.of())
        .environmentPropertySource(false)
        .propertySources(variables)
        .build();
    return ctx.getEnvironment().start();
  }

  private static Optional<JsonNode> findMount(JsonNode container, String path) {
    for (JsonNode mount : container.path("volumeMounts")) {
      if (path.equals(mount.path("mountPath").asText())) {
        return Optional.of(mount);
      }
    }
    return Optional.empty();
  }

  private static JsonNode findVolume(JsonNode pod, String name) {
    for (JsonNode volume : pod.path("volumes")) {
      if (name.equals(volume.path("name").asText())) {
        return volume;
      }
    }
    throw new AssertionError("no volume " + name);
  }

  private static JsonNode findPort(JsonNode container, String name) {
    for (JsonNode port : container.path("ports")) {
      if (name.equals(port.path("name").asText())) {
        return port;
      }
    }
    throw new AssertionError("no container port named " + name);
  }
}
