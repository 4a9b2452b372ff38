package io.botburrow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every manifest, as the base and each overlay render it, checked against the schemas of its API
 * version (Kubernetes' own and KEDA's CRD, from npm packages) by {@code scripts/k8s-validate}: unknown
 * fields, wrong types and missing required fields fail, as with {@code kubectl apply --validate=strict}.
 * Needs Node.js and npm (CI installs them; elsewhere the test is skipped without them).
 */
class KubernetesSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path ROOT = root();
  private static final Path VALIDATOR = ROOT.resolve("scripts/k8s-validate");
  /** Manifests applied by hand, outside any kustomization. */
  private static final List<String> STANDALONE = List.of("k8s/secret.example.yaml",
      "k8s-overlays/hpa/prometheus-adapter-rules.yaml");

  private static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("k8s-overlays"))) {
      dir = dir.getParent();
    }
    assertThat(dir).isNotNull();
    return dir;
  }

  @BeforeAll
  static void installValidator() throws Exception {
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    boolean tools = onPath("node").isPresent() && onPath("npm").isPresent();
    if (!tools) {
      assertThat(ci).as("CI must have node and npm (scripts/ensure-services.sh test installs them)").isFalse();
      Assumptions.abort("node and npm are not installed");
    }
    Path modules = VALIDATOR.resolve("node_modules");
    Path lock = VALIDATOR.resolve("package-lock.json");
    Path installed = modules.resolve(".package-lock.json");
    if (!Files.exists(installed) || Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) < 0) {
      Result npm = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 300);
      assertThat(npm.exit()).as("npm ci in %s:\n%s", VALIDATOR, npm.output()).isZero();
    }
  }

  private static Optional<Path> onPath(String command) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(dir -> Path.of(dir, command)).filter(Files::isExecutable).findFirst();
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> command, long seconds) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(VALIDATOR.toFile()).redirectErrorStream(true).start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not end within " + seconds + " s");
    }
    return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /** The base, each overlay and the standalone files, each a named list of objects. */
  static Map<String, List<JsonNode>> everything() throws IOException {
    Map<String, List<JsonNode>> sets = new LinkedHashMap<>();
    sets.put("k8s", Kustomize.render(ROOT.resolve("k8s")));
    try (Stream<Path> overlays = Files.list(ROOT.resolve("k8s-overlays"))) {
      for (Path overlay : overlays.filter(d -> Files.exists(d.resolve("kustomization.yaml"))).sorted().toList()) {
        sets.put("k8s-overlays-" + overlay.getFileName(), Kustomize.render(overlay));
      }
    }
    for (String file : STANDALONE) {
      sets.put(file.replace('/', '-').replace(".yaml", ""), Kustomize.documents(ROOT.resolve(file)));
    }
    return sets;
  }

  private static Result validate(Map<String, List<JsonNode>> sets, Path dir) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", "validate.mjs"));
    for (var set : sets.entrySet()) {
      Path file = dir.resolve(set.getKey() + ".json");
      JSON.writeValue(file.toFile(), set.getValue());
      command.add(file.toString());
    }
    return run(command, 300);
  }

  @Test
  void everyManifestFollowsTheSchemaOfItsApiVersionAsTheBaseAndEachOverlayRenderIt(@TempDir Path tmp) throws Exception {
    Map<String, List<JsonNode>> sets = everything();
    assertThat(sets.keySet()).contains("k8s", "k8s-overlays-keda", "k8s-overlays-hpa", "k8s-overlays-sandbox-engine");

    Result result = validate(sets, tmp);

    assertThat(result.exit()).as(result.output()).isZero();
    int objects = sets.values().stream().mapToInt(List::size).sum();
    assertThat(result.output()).contains(objects + " valid, 0 invalid");
    Set<String> kinds = new TreeSet<>();
    sets.values().forEach(list -> list.forEach(o -> kinds.add(o.path("apiVersion").asText() + " " + o.path("kind").asText())));
    assertThat(kinds).contains("apps/v1 Deployment", "apps/v1 StatefulSet", "v1 Service", "v1 ConfigMap",
        "keda.sh/v1alpha1 ScaledObject", "autoscaling/v2 HorizontalPodAutoscaler", "rbac.authorization.k8s.io/v1 Role",
        "policy/v1 PodDisruptionBudget");
  }

  @Test
  void everyYamlFileIsAResourceAPatchOrAStandaloneManifest() throws IOException {
    Set<Path> covered = new TreeSet<>();
    STANDALONE.forEach(f -> covered.add(ROOT.resolve(f)));
    try (Stream<Path> dirs = Stream.concat(Stream.of(ROOT.resolve("k8s")), Files.walk(ROOT.resolve("k8s-overlays")))) {
      for (Path dir : dirs.filter(d -> Files.exists(d.resolve("kustomization.yaml"))).toList()) {
        JsonNode kustomization = Kustomize.documents(dir.resolve("kustomization.yaml")).getFirst();
        covered.add(dir.resolve("kustomization.yaml"));
        kustomization.path("resources").forEach(r -> covered.add(dir.resolve(r.asText()).normalize()));
        kustomization.path("patches").forEach(p -> {
          if (p.has("path")) {
            covered.add(dir.resolve(p.path("path").asText()));
          }
        });
      }
    }
    try (Stream<Path> files = Stream.concat(Files.walk(ROOT.resolve("k8s")), Files.walk(ROOT.resolve("k8s-overlays")))) {
      assertThat(files.filter(f -> f.toString().endsWith(".yaml")).toList()).allSatisfy(f -> assertThat(covered).contains(f));
    }
  }

  @Test
  void theCheckerRejectsUnknownFieldsAndWronglyTypedValues(@TempDir Path tmp) throws Exception {
    Map<String, List<JsonNode>> sets = everything();
    ObjectNode deployment = sets.get("k8s").stream().filter(o -> o.at("/metadata/name").asText().equals("runner-hybrid")
        && o.path("kind").asText().equals("Deployment")).findFirst().orElseThrow().deepCopy();
    ((ObjectNode) deployment.at("/spec/template/spec")).put("terminationGracePeriodSecond", 330);
    ObjectNode scaler = sets.get("k8s-overlays-keda").stream().filter(o -> o.path("kind").asText().equals("ScaledObject"))
        .findFirst().orElseThrow().deepCopy();
    ((ObjectNode) scaler.at("/spec/triggers/0/metadata")).put("threshold", 8);
    ObjectNode hpa = sets.get("k8s-overlays-hpa").stream().filter(o -> o.path("kind").asText().equals("HorizontalPodAutoscaler"))
        .findFirst().orElseThrow().deepCopy();
    ((ObjectNode) hpa.path("spec")).remove("scaleTargetRef");

    Result result = validate(Map.of("broken", List.of(deployment, scaler, hpa)), tmp);

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.output()).contains("0 valid, 3 invalid", "'\"terminationGracePeriodSecond\"' does not exist in type 'IPodSpec'",
        "\"threshold\": 8", "scaleTargetRef");
  }

  @Test
  void theRenderingIsKubectlKustomizesWhereKubectlIsInstalled() throws Exception {
    Assumptions.assumeTrue(onPath("kubectl").isPresent(), "kubectl is not installed");
    for (var set : everything().entrySet()) {
      if (!set.getKey().startsWith("k8s")) {
        continue;
      }
      Path dir = set.getKey().equals("k8s") ? ROOT.resolve("k8s")
          : ROOT.resolve("k8s-overlays").resolve(set.getKey().substring("k8s-overlays-".length()));
      if (!Files.exists(dir.resolve("kustomization.yaml"))) {
        continue;
      }
      Process kubectl = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
      String rendered = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(kubectl.exitValue()).as("kubectl kustomize %s", dir).isZero();
      List<JsonNode> expected = new ArrayList<>();
      try (var parser = YAML.getFactory().createParser(rendered)) {
        YAML.readValues(parser, JsonNode.class).forEachRemaining(expected::add);
      }
      Map<String, JsonNode> ours = byId(set.getValue());
      Map<String, JsonNode> theirs = byId(expected);
      assertThat(ours.keySet()).as(dir.toString()).isEqualTo(theirs.keySet());
      ours.forEach((id, object) -> assertThat(object).as("%s: %s", dir, id).isEqualTo(theirs.get(id)));
    }
  }

  /** Objects by kind and name, with lists of named items in name order (kustomize orders merged lists its own way). */
  private static Map<String, JsonNode> byId(List<JsonNode> objects) {
    Map<String, JsonNode> map = new TreeMap<>();
    for (JsonNode object : objects) {
      map.put(object.path("kind").asText() + "/" + object.at("/metadata/name").asText(), normalized(object.deepCopy()));
    }
    return map;
  }

  private static JsonNode normalized(JsonNode node) {
    if (node instanceof ObjectNode o) {
      o.properties().forEach(e -> e.setValue(normalized(e.getValue())));
    } else if (node instanceof ArrayNode a) {
      List<JsonNode> items = new ArrayList<>();
      a.forEach(item -> items.add(normalized(item)));
      items.sort(Comparator.comparing(item -> item.path("name").asText(item.path("mountPath").asText(item.toString()))));
      ArrayNode sorted = JSON.createArrayNode();
      items.forEach(sorted::add);
      return sorted;
    }
    return node;
  }
}
