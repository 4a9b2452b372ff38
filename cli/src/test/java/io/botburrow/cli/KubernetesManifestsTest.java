package io.botburrow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.botburrow.coordinator.operator.OperatorProperties;
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
        .contains("coordinator", "runner-notification", "runner-exploration", "runner-hybrid", "gateway");
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
      assertThat(parsed.subcommand().commandSpec().name()).isIn("coordinator", "runner", "gateway");
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
      // the whole ConfigMap as mounted, read the way the command reads it (routing beside the config file)
      Path mounted = Files.createDirectories(tmp.resolve(name));
      for (var key = configMap.at("/data").fieldNames(); key.hasNext(); ) {
        String file = key.next();
        Files.writeString(mounted.resolve(file), configMap.at("/data").path(file).asText());
      }
      ServiceOptions options = new ServiceOptions();
      options.config = mounted.resolve(configFile.getFileName());

      // the pod's environment: plain values, field references, and the Secret's keys
      Map<String, Object> env = new LinkedHashMap<>();
      for (JsonNode var : container.path("env")) {
        env.put(var.get("name").asText(), envValue(var, secret, name));
      }
      for (JsonNode from : container.path("envFrom")) {
        assertThat(from.at("/secretRef/name").asText()).isEqualTo(secret.at("/metadata/name").asText());
        secret.get("stringData").fieldNames().forEachRemaining(key -> env.put(key, "secret-" + key));
      }
      assertThat(env).as("%s: the image's entry point reads BOTBURROW_LOG_FORMAT", name)
          .containsEntry("BOTBURROW_LOG_FORMAT", "json");
      assertThat(Files.readString(K8S.resolve("image/botburrow-entrypoint"))).contains("BOTBURROW_LOG_FORMAT");

      Environment environment = environment(role, options.fileProperties(role), env);
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
          runnerScalesInWithoutLosingWork(docs, name, pod, container, environment, port);
          assertThat(findMount(container, "/var/run/docker.sock")).as("%s: Docker engine", name).isPresent();
          assertThat(environment.getProperty("botburrow.gateway.models.fast.deployments", List.class))
              .as("%s: the operator's routing, from gateway.yml beside its config", name).isPresent();
          assertThat(environment.getProperty("botburrow.gateway.port", Integer.class)).as("%s: no API port", name).isEmpty();
          assertThat(environment.getProperty("botburrow.gateway.token-secret", String.class))
              .contains("secret-BOTBURROW_GATEWAY_TOKEN_SECRET");
        } else if (role.equals("gateway")) {
          gatewayServesItsApiWithTheSharedSecretAndKeys(docs, deployment, container, environment, secret);
        } else {
          String operatorKey = environment.getProperty("botburrow.operator.key", String.class).orElseThrow();
          assertThat(operatorKey).isEqualTo("secret-BOTBURROW_OPERATOR_KEY");
          assertThat(new OperatorProperties(operatorKey).refusal(false)).as("%s: operator key accepted", name).isEmpty();
          JsonNode keyVar = findEnv(container, "BOTBURROW_OPERATOR_KEY")
              .orElseThrow(() -> new AssertionError(name + ": BOTBURROW_OPERATOR_KEY must be named from the Secret"));
          assertThat(keyVar.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo(secret.at("/metadata/name").asText());
          assertThat(keyVar.at("/valueFrom/secretKeyRef/optional").asBoolean(false)).isFalse();
          assertThat(fileText).as("%s: no operator key in the ConfigMap", name).doesNotContain("operator");
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

  /**
   * Scale-in loses nothing: the preStop hook is the image's {@code drain} command aimed at this
   * runner's port; the drain waits as long as any activation may run (the activation timeout, which
   * bounds its p99 from above); the grace period covers the drain, the hand-back of what is stopped
   * and the shutdown; the pod runs as a service account allowed to patch its pod's deletion cost.
   */
  private static void runnerScalesInWithoutLosingWork(List<JsonNode> docs, String name, JsonNode pod,
      JsonNode container, Environment environment, int port) throws IOException {
    String[] hook = YAML.convertValue(container.at("/lifecycle/preStop/exec/command"), String[].class);
    assertThat(hook).as("%s: preStop exec command", name).isNotNull().hasSizeGreaterThan(1);
    assertThat(Files.readString(K8S.resolve("image/Dockerfile")))
        .contains("COPY botburrow-entrypoint /usr/local/bin/" + Path.of(hook[0]).getFileName());
    assertThat(hook[0]).isIn("botburrow", "/usr/local/bin/botburrow");
    DrainCommand drainCommand = new DrainCommand();
    CommandLine.ParseResult parsed = new CommandLine(new Main())
        .parseArgs(java.util.Arrays.copyOfRange(hook, 1, hook.length));
    assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("drain");
    assertThat(parsed.subcommand().matchedOptionValue("--port", drainCommand.port)).as("%s: drains its own port", name)
        .isEqualTo(port);

    Duration drain = environment.getProperty("botburrow.runner.drain-timeout", Duration.class).orElseThrow();
    Duration activation = environment.getProperty("botburrow.runner.activation-timeout", Duration.class).orElseThrow();
    assertThat(drain).as("%s: a drain waits as long as an activation may run", name).isGreaterThanOrEqualTo(activation);
    assertThat(Duration.ofSeconds(pod.path("terminationGracePeriodSeconds").asLong()))
        .as("%s: grace period covers the drain, the hand-back and the shutdown", name)
        .isGreaterThanOrEqualTo(drain.plus(io.botburrow.runner.RunnerService.STOP_GRACE).plusSeconds(20));

    assertThat(environment.getProperty("botburrow.runner.kubernetes.deletion-cost", Boolean.class)).contains(true);
    String account = pod.path("serviceAccountName").asText();
    named(docs, "ServiceAccount", account);
    JsonNode binding = ofKind(docs, "RoleBinding").stream()
        .filter(b -> b.at("/subjects").findValuesAsText("name").contains(account)
            && b.at("/subjects").findValuesAsText("kind").contains("ServiceAccount"))
        .findFirst().orElseThrow(() -> new AssertionError(name + ": no RoleBinding for service account " + account));
    assertThat(binding.at("/roleRef/kind").asText()).isEqualTo("Role");
    JsonNode role = named(docs, "Role", binding.at("/roleRef/name").asText());
    assertThat(role.at("/rules")).anySatisfy(rule -> {
      assertThat(YAML.convertValue(rule.get("apiGroups"), String[].class)).contains("");
      assertThat(YAML.convertValue(rule.get("resources"), String[].class)).contains("pods");
      assertThat(YAML.convertValue(rule.get("verbs"), String[].class)).contains("patch");
    });
  }

  /**
   * The standalone gateway listens on all interfaces at the port its Service's {@code api} port reaches,
   * holds the token secret the runners hold (named from the Secret, so that a pod without it does not
   * start), and every key variable of its deployments is in the Secret.
   */
  private static void gatewayServesItsApiWithTheSharedSecretAndKeys(List<JsonNode> docs, JsonNode deployment,
      JsonNode container, Environment environment, JsonNode secret) {
    int apiPort = environment.getProperty("botburrow.gateway.port", Integer.class).orElseThrow();
    assertThat(findPort(container, "api").path("containerPort").asInt()).isEqualTo(apiPort).isEqualTo(4000);
    assertThat(environment.getProperty("botburrow.gateway.bind", String.class)).contains("0.0.0.0");
    JsonNode service = named(docs, "Service", "gateway");
    assertThat(selects(service.at("/spec/selector"), deployment.at("/spec/template/metadata/labels"))).isTrue();
    assertThat(service.at("/spec/ports").findValuesAsText("targetPort")).contains("api");
    for (JsonNode port : service.at("/spec/ports")) {
      if (port.path("targetPort").asText().equals("api")) {
        assertThat(port.path("port").asInt()).isEqualTo(4000);
      }
    }
    assertThat(environment.getProperty("botburrow.gateway.token-secret", String.class))
        .contains("secret-BOTBURROW_GATEWAY_TOKEN_SECRET");
    JsonNode secretVar = findEnv(container, "BOTBURROW_GATEWAY_TOKEN_SECRET")
        .orElseThrow(() -> new AssertionError("gateway: BOTBURROW_GATEWAY_TOKEN_SECRET must be named from the Secret"));
    assertThat(secretVar.at("/valueFrom/secretKeyRef/optional").asBoolean(false)).isFalse();
    List<String> models = environment.getProperty("botburrow.gateway.models.fast.deployments", List.class).orElseThrow();
    assertThat(models).isNotEmpty();
    for (Object model : models) {
      String keyVar = environment.getProperty("botburrow.gateway.deployments." + model + ".api-key-env", String.class)
          .orElseThrow(() -> new AssertionError("deployment " + model + " names no key variable"));
      assertThat(secret.at("/stringData").has(keyVar)).as("Secret has the key %s of deployment %s", keyVar, model).isTrue();
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

  @Test
  void redisKeepsItsDataOnAVolumeAndNeverEvicts() throws IOException {
    List<JsonNode> docs = applied();
    assertThat(ofKind(docs, "Deployment")).extracting(d -> d.at("/metadata/name").asText()).doesNotContain("redis");
    JsonNode redis = named(docs, "StatefulSet", "redis");
    assertThat(redis.at("/spec/replicas").asInt()).isEqualTo(1);
    JsonNode labels = redis.at("/spec/template/metadata/labels");
    assertThat(selects(redis.at("/spec/selector/matchLabels"), labels)).isTrue();

    JsonNode governing = named(docs, "Service", redis.at("/spec/serviceName").asText());
    assertThat(governing.at("/spec/clusterIP").asText()).as("governing Service is headless").isEqualTo("None");
    assertThat(selects(governing.at("/spec/selector"), labels)).isTrue();

    JsonNode container = redis.at("/spec/template/spec/containers/0");
    Map<String, String> options = redisOptions(YAML.convertValue(container.get("args"), String[].class));
    assertThat(options).containsEntry("appendonly", "yes").containsEntry("appendfsync", "everysec")
        .containsEntry("maxmemory-policy", "noeviction");
    long maxMemory = redisBytes(options.get("maxmemory"));
    long limit = kubernetesBytes(container.at("/resources/limits/memory").asText());
    assertThat(maxMemory).as("maxmemory").isPositive().isLessThanOrEqualTo(limit * 3 / 4);

    JsonNode claim = redis.at("/spec/volumeClaimTemplates/0");
    JsonNode dataMount = findMount(container, "/data").orElseThrow(() -> new AssertionError("nothing mounted at /data"));
    assertThat(claim.at("/metadata/name").asText()).as("/data is the claimed volume").isEqualTo(dataMount.path("name").asText());
    assertThat(redis.at("/spec/template/spec/volumes").findValuesAsText("name")).doesNotContain(claim.at("/metadata/name").asText());
    assertThat(claim.at("/spec/accessModes/0").asText()).isEqualTo("ReadWriteOnce");
    assertThat(kubernetesBytes(claim.at("/spec/resources/requests/storage").asText())).isGreaterThan(maxMemory * 2);

    // the host name in the services' config is a Service that reaches this pod's Redis port
    Map<String, Object> coordinatorConfig = ConfigFiles.load(writeConfigMapKey(docs, "coordinator.yml"));
    java.net.URI url = java.net.URI.create(String.valueOf(coordinatorConfig.get("botburrow.redis.url")));
    JsonNode service = named(docs, "Service", url.getHost());
    assertThat(selects(service.at("/spec/selector"), labels)).isTrue();
    assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(url.getPort());
    assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo(container.at("/ports/0/name").asText());
  }

  /** {@code --name value} pairs of redis-server's command line. */
  private static Map<String, String> redisOptions(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--")) {
        options.put(args[i].substring(2), i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "");
      }
    }
    return options;
  }

  /** redis.conf sizes: 512mb, 1gb, 100000 (bytes). */
  private static long redisBytes(String size) {
    var m = java.util.regex.Pattern.compile("(?i)(\\d+)(kb|mb|gb)?").matcher(size);
    assertThat(m.matches()).as("redis size %s", size).isTrue();
    long n = Long.parseLong(m.group(1));
    return m.group(2) == null ? n : n << switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
      case "kb" -> 10;
      case "mb" -> 20;
      default -> 30;
    };
  }

  /** Kubernetes quantities with binary suffixes: 512Mi, 1Gi. */
  private static long kubernetesBytes(String quantity) {
    var m = java.util.regex.Pattern.compile("(\\d+)(Ki|Mi|Gi)").matcher(quantity);
    assertThat(m.matches()).as("quantity %s", quantity).isTrue();
    return Long.parseLong(m.group(1)) << switch (m.group(2)) {
      case "Ki" -> 10;
      case "Mi" -> 20;
      default -> 30;
    };
  }

  private static Path writeConfigMapKey(List<JsonNode> docs, String key) throws IOException {
    String text = named(docs, "ConfigMap", "botburrow-config").at("/data").path(key).asText(null);
    assertThat(text).as("ConfigMap key " + key).isNotNull();
    Path file = Files.createTempFile("k8s-" + key, ".yml");
    file.toFile().deleteOnExit();
    return Files.writeString(file, text);
  }

  /** A pod variable's value: plain, from a key of the Secret, or a field reference (the pod's name). */
  private static String envValue(JsonNode var, JsonNode secret, String deployment) {
    if (var.has("value")) {
      return var.get("value").asText();
    }
    JsonNode secretRef = var.at("/valueFrom/secretKeyRef");
    if (!secretRef.isMissingNode()) {
      assertThat(secretRef.path("name").asText()).isEqualTo(secret.at("/metadata/name").asText());
      String key = secretRef.path("key").asText();
      assertThat(secret.at("/stringData").has(key)).as("Secret has key %s", key).isTrue();
      return "secret-" + key;
    }
    return deployment + "-7d9f-abcde";
  }

  private static Optional<JsonNode> findEnv(JsonNode container, String name) {
    for (JsonNode var : container.path("env")) {
      if (name.equals(var.path("name").asText())) {
        return Optional.of(var);
      }
    }
    return Optional.empty();
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
