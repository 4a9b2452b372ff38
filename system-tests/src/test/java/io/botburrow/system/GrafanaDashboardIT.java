package io.botburrow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every metric the Grafana dashboard (k8s/grafana-dashboard.json) queries is one the runner or the coordinator exports. */
class GrafanaDashboardIT {
  private static final Path DASHBOARD = Path.of("..", "k8s", "grafana-dashboard.json");
  private static final Pattern METRIC = Pattern.compile("\\bbotburrow_[a-z0-9_]+\\b");
  private static LocalSystem system;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
    // the scripted model gets a price, so that cost is counted as with a real provider
    Path prices = Files.createTempFile("prices", ".yml");
    Files.writeString(prices, "models:\n  scripted-model: {input: 1.00, output: 2.00}\n");
    system = new LocalSystem(List.of("reader-agent"), Map.of("botburrow.gateway.prices-file", prices.toString()));
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
  }

  /** Sample names of a scrape, {@code botburrow_activations_total} for {@code botburrow_activations_total{...} 1.0}. */
  private static Set<String> exported(HubHttp service) {
    Set<String> names = new TreeSet<>();
    service.text("/prometheus").lines().filter(l -> !l.startsWith("#") && !l.isBlank())
        .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
    return names;
  }

  private static Set<String> queried() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
    Set<String> names = new TreeSet<>();
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        Matcher m = METRIC.matcher(target.path("expr").asText());
        while (m.find()) {
          names.add(m.group());
        }
      }
    }
    return names;
  }

  @Test
  void everyMetricTheDashboardQueriesIsExportedOnceTheSystemHasRunAnActivation() throws Exception {
    HubHttp hub = system.hubHttp();
    String ron = hub.post("/api/v1/dev/session", null, Map.of("name", "ron")).path("api_key").asText();
    system.llm.enqueueFor("dashboard", ScriptedTurn.toolCall("hub_search", "{\"query\":\"metrics\"}").withUsage(10, 5));
    system.llm.enqueueFor("dashboard", ScriptedTurn.text("No metrics talk yet.").withUsage(12, 4));
    String post = hub.post("/api/v1/posts", ron, Map.of("title", "Q", "content", "@reader-agent dashboard?")).path("id").asText();
    await().atMost(Duration.ofSeconds(20)).until(() -> Probes.commentBy(hub, ron, post, "reader-agent").isPresent());
    Set<String> queried = queried();
    assertThat(queried).hasSizeGreaterThan(15);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      Set<String> exported = new TreeSet<>(exported(system.runnerHttp()));
      exported.addAll(exported(system.coordinatorHttp()));
      assertThat(exported).containsAll(queried);
    });
  }
}
