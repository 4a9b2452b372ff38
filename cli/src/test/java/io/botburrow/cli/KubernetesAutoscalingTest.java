package io.botburrow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.RunnerPool;
import io.botburrow.coordinator.CoordinatorMetrics;
import io.botburrow.queue.QueueSettings;
import io.botburrow.queue.memory.InMemoryActivationQueue;
import io.botburrow.runner.RunnerMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The autoscaling overlays ({@code k8s-overlays/keda}, {@code k8s-overlays/hpa}) against the
 * base and the code: each runner Deployment has one autoscaler, its per-replica demand target is the
 * Deployment's slot count, its queries name the metrics the coordinator and runners export (read back
 * from a real Prometheus scrape of their meters) with the pool's own label and the kinds its pool claims.
 */
class KubernetesAutoscalingTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern METRIC = Pattern.compile("botburrow_[a-z_]+");
  private static final Pattern POOL = Pattern.compile("pool=\"([a-z]+)\"");
  private static final Pattern KINDS = Pattern.compile("kind=~\"([a-z|]+)\"");

  private static Path k8s() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("k8s"))) {
      dir = dir.getParent();
    }
    assertThat(dir).isNotNull();
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

  /** What {@code kubectl apply -k dir} would send, before patches: resources, directories followed. */
  static List<JsonNode> kustomized(Path dir) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    for (JsonNode resource : documents(dir.resolve("kustomization.yaml")).getFirst().get("resources")) {
      Path path = dir.resolve(resource.asText()).normalize();
      if (Files.isDirectory(path)) {
        docs.addAll(kustomized(path));
      } else {
        assertThat(path).as("resource of %s", dir).isRegularFile();
        docs.addAll(documents(path));
      }
    }
    return docs;
  }

  private static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
    return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
  }

  private static List<JsonNode> runnerDeployments(List<JsonNode> docs) {
    return ofKind(docs, "Deployment").stream()
        .filter(d -> d.at("/spec/template/metadata/labels/app.kubernetes.io~1name").asText().equals("runner")).toList();
  }

  private static int slots(JsonNode deployment) {
    for (JsonNode var : deployment.at("/spec/template/spec/containers/0/env")) {
      if (var.path("name").asText().equals("BOTBURROW_RUNNER_SLOTS")) {
        return Integer.parseInt(var.path("value").asText());
      }
    }
    throw new AssertionError("no BOTBURROW_RUNNER_SLOTS");
  }

  private static RunnerPool pool(JsonNode deployment) {
    return RunnerPool.fromWire(deployment.at("/spec/template/metadata/labels/botburrow.io~1pool").asText());
  }

  private static String kinds(RunnerPool pool) {
    return pool.kinds().stream().map(ActivationKind::wireName).sorted().collect(Collectors.joining("|"));
  }

  private static String sortedKinds(String alternatives) {
    return Arrays.stream(alternatives.split("\\|")).sorted().collect(Collectors.joining("|"));
  }

  /** The names and labels the coordinator and a runner of every pool export, as Prometheus scrapes them. */
  private static String scrape() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    InMemoryActivationQueue queue = new InMemoryActivationQueue(QueueSettings.defaults(), Clock.systemUTC());
    new CoordinatorMetrics(registry, queue, queue, "c1");
    for (RunnerPool pool : RunnerPool.values()) {
      new RunnerMetrics(registry, queue, pool);
    }
    return registry.scrape();
  }

  /** A query names only exported metrics, each with the label values it selects on. */
  private static void queryReadsExportedSeries(String query, String scrape) {
    Set<String> metrics = new TreeSet<>();
    METRIC.matcher(query).results().forEach(m -> metrics.add(m.group()));
    assertThat(metrics).isNotEmpty();
    for (String metric : metrics) {
      assertThat(scrape).as("exported: %s", metric).containsPattern("(?m)^" + metric + "\\{");
    }
    Matcher pool = POOL.matcher(query);
    while (pool.find()) {
      assertThat(scrape).contains("pool=\"" + pool.group(1) + "\"");
    }
  }

  @Test
  void everyRunnerPoolHasOneScaledObjectSizedByItsSlotsWithQueriesOnExportedSeries() throws IOException {
    Path overlay = k8s().resolveSibling("k8s-overlays/keda");
    List<JsonNode> docs = kustomized(overlay);
    List<JsonNode> base = kustomized(k8s());
    assertThat(ofKind(base, "ScaledObject")).as("the base applies no autoscaler").isEmpty();
    assertThat(ofKind(base, "HorizontalPodAutoscaler")).as("the base applies no autoscaler").isEmpty();
    String scrape = scrape();
    List<JsonNode> deployments = runnerDeployments(docs);
    assertThat(deployments).extracting(d -> pool(d)).containsExactlyInAnyOrder(RunnerPool.values());
    for (JsonNode deployment : deployments) {
      String name = deployment.at("/metadata/name").asText();
      RunnerPool pool = pool(deployment);
      List<JsonNode> scalers = ofKind(docs, "ScaledObject").stream()
          .filter(s -> s.at("/spec/scaleTargetRef/name").asText().equals(name)).toList();
      assertThat(scalers).as("ScaledObjects of %s", name).hasSize(1);
      JsonNode spec = scalers.getFirst().path("spec");
      assertThat(spec.path("maxReplicaCount").asInt()).isGreaterThan(spec.path("minReplicaCount").asInt());
      List<String> types = new ArrayList<>();
      for (JsonNode trigger : spec.path("triggers")) {
        assertThat(trigger.path("type").asText()).isEqualTo("prometheus");
        String query = trigger.at("/metadata/query").asText();
        queryReadsExportedSeries(query, scrape);
        switch (trigger.path("name").asText()) {
          case "demand" -> {
            assertThat(trigger.path("metricType").asText()).isEqualTo("AverageValue");
            assertThat(Integer.parseInt(trigger.at("/metadata/threshold").asText())).as("%s: per replica", name)
                .isEqualTo(slots(deployment));
            assertThat(POOL.matcher(query).results().map(m -> m.group(1)).distinct().toList())
                .containsExactly(pool.wireName());
            assertThat(query).contains("botburrow_runner_queue_depth", "botburrow_runner_slots_busy");
          }
          case "age" -> {
            assertThat(trigger.path("metricType").asText()).isEqualTo("Value");
            Matcher kinds = KINDS.matcher(query);
            assertThat(kinds.find()).isTrue();
            assertThat(sortedKinds(kinds.group(1))).as("%s: the kinds its pool claims", name).isEqualTo(kinds(pool));
            assertThat(query).contains("botburrow_queue_oldest_age_seconds");
          }
          default -> throw new AssertionError(name + ": unexpected trigger " + trigger.path("name"));
        }
        types.add(trigger.path("name").asText());
      }
      assertThat(types).containsExactlyInAnyOrder("demand", "age");
    }
  }

  @Test
  void everyRunnerPoolHasOneHpaOnTheAdaptersExternalMetrics() throws IOException {
    List<JsonNode> docs = kustomized(k8s().resolveSibling("k8s-overlays/hpa"));
    JsonNode adapter = documents(k8s().resolveSibling("k8s-overlays/hpa/prometheus-adapter-rules.yaml")).getFirst();
    JsonNode rules = YAML.readTree(adapter.at("/data/config.yaml").asText()).path("externalRules");
    Set<String> served = new TreeSet<>(rules.findValuesAsText("as"));
    String scrape = scrape();
    for (JsonNode rule : rules) {
      queryReadsExportedSeries(rule.path("seriesQuery").asText(), scrape);
      Matcher series = METRIC.matcher(rule.path("seriesQuery").asText());
      assertThat(series.find()).isTrue();
      queryReadsExportedSeries(rule.path("metricsQuery").asText().replace("<<.Series>>", series.group()), scrape);
      assertThat(rule.at("/resources/overrides/namespace/resource").asText()).isEqualTo("namespace");
    }
    for (JsonNode deployment : runnerDeployments(docs)) {
      String name = deployment.at("/metadata/name").asText();
      RunnerPool pool = pool(deployment);
      List<JsonNode> hpas = ofKind(docs, "HorizontalPodAutoscaler").stream()
          .filter(h -> h.at("/spec/scaleTargetRef/name").asText().equals(name)
              && h.at("/spec/scaleTargetRef/kind").asText().equals("Deployment"))
          .toList();
      assertThat(hpas).as("HPAs of %s", name).hasSize(1);
      JsonNode metrics = hpas.getFirst().at("/spec/metrics");
      assertThat(metrics).hasSize(2);
      for (JsonNode metric : metrics) {
        String metricName = metric.at("/external/metric/name").asText();
        assertThat(served).as("served by the adapter").contains(metricName);
        if (metricName.equals("botburrow_runner_demand")) {
          assertThat(metric.at("/external/metric/selector/matchLabels/pool").asText()).isEqualTo(pool.wireName());
          assertThat(metric.at("/external/target/averageValue").asText()).isEqualTo(String.valueOf(slots(deployment)));
        } else {
          JsonNode expression = metric.at("/external/metric/selector/matchExpressions/0");
          assertThat(expression.path("key").asText()).isEqualTo("kind");
          assertThat(expression.path("operator").asText()).isEqualTo("In");
          List<String> values = new ArrayList<>();
          expression.path("values").forEach(v -> values.add(v.asText()));
          assertThat(String.join("|", new TreeSet<>(values))).as("%s: the kinds its pool claims", name)
              .isEqualTo(kinds(pool));
          assertThat(metric.at("/external/target/type").asText()).isEqualTo("Value");
        }
      }
    }
  }

  @Test
  void theOverlaysLeaveReplicaCountsToTheAutoscaler() throws IOException {
    for (String overlay : List.of("keda", "hpa")) {
      JsonNode kustomization = documents(k8s().resolveSibling("k8s-overlays/" + overlay).resolve("kustomization.yaml")).getFirst();
      JsonNode patch = kustomization.at("/patches/0");
      assertThat(patch.at("/target/kind").asText()).isEqualTo("Deployment");
      assertThat(patch.at("/target/labelSelector").asText()).isEqualTo("app.kubernetes.io/name=runner");
      JsonNode ops = YAML.readTree(patch.path("patch").asText());
      assertThat(ops.at("/0/op").asText()).isEqualTo("remove");
      assertThat(ops.at("/0/path").asText()).isEqualTo("/spec/replicas");
    }
  }
}
