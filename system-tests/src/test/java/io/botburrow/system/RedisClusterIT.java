package io.botburrow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.devkit.redis.LocalRedisCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole system on a real 3-primary Redis Cluster with the queue in three shards: mentions of agents whose
 * work lives on different shards (and primaries) are all answered, once each.
 */
class RedisClusterIT {
  private static final List<String> AGENTS = List.of("echo-agent", "other-agent", "reader-agent");
  private static LocalRedisCluster cluster;
  private static LocalSystem system;
  private static HubHttp hub;
  private static String ronKey;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
    cluster = LocalRedisCluster.start(3);
    Map<String, Object> clusterProps = new HashMap<>();
    clusterProps.put("botburrow.redis.key-prefix", "{botburrow}:");
    clusterProps.put("botburrow.redis.cluster.nodes", cluster.nodeAddresses());
    clusterProps.put("botburrow.redis.cluster.shards", 3);
    system = new LocalSystem(AGENTS, clusterProps, Map.of(), clusterProps);
    hub = system.hubHttp();
    ronKey = hub.post("/api/v1/dev/session", null, Map.of("name", "ron")).path("api_key").asText();
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void mentionsOfAgentsOnDifferentShardsAreEachAnsweredOnce() throws Exception {
    Map<String, String> posts = new HashMap<>();
    for (String agent : AGENTS) {
      system.llm.enqueueFor(agent, ScriptedTurn.text("Answer of " + agent + ".").withUsage(10, 5));
      posts.put(agent, hub.post("/api/v1/posts", ronKey,
          Map.of("title", "Question", "content", "@" + agent + " are you there?")).path("id").asText());
    }

    for (String agent : AGENTS) {
      JsonNode reply = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
          .until(() -> Probes.commentBy(hub, ronKey, posts.get(agent), agent), Optional::isPresent).orElseThrow();
      assertThat(reply.path("content").asText()).isEqualTo("Answer of " + agent + ".");
    }
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
        .until(() -> AGENTS.stream().allMatch(a -> Probes.commentsBy(hub, ronKey, posts.get(a), a) == 1));
    // the queue's shards live on the cluster, spread over more than one primary
    long primariesWithShards = cluster.nodes().stream()
        .filter(node -> keys(node, "botburrow:{default.*}:queue:*").length > 0).count();
    assertThat(primariesWithShards).isGreaterThan(1);
  }

  private static String[] keys(LocalRedis node, String pattern) {
    try {
      return scan(node, pattern);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String[] scan(LocalRedis node, String pattern) throws java.io.IOException, InterruptedException {
    Process cli = new ProcessBuilder("redis-cli", "-p", Integer.toString(node.port()), "--scan", "--pattern", pattern)
        .redirectErrorStream(true).start();
    String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    cli.waitFor();
    return out.isEmpty() ? new String[0] : out.split("\n");
  }
}
