package io.botburrow.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.botburrow.devkit.redis.LocalRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A schedule firing every five seconds keeps firing each tick exactly once while the leading
 * coordinator is killed with SIGKILL twice: fires due while nothing led run once on recovery, and
 * none runs twice. What is counted is what a person sees (one post per fire time in the output
 * community) and what the model was asked (one run per fire time).
 */
class ScheduleFailoverIT {
  private static final String AGENT = "ticker";
  private static final Duration TICK = Duration.ofSeconds(5);
  private static final String PROMPT = "Say tick for the schedule test.";
  private static final String DEFINITION = """
      version: "1.0.0"
      name: ticker
      type: native
      brain:
        provider: openai
        model: scripted-model
      capabilities:
        grants: [hub:read, hub:write]
      schedules:
        - name: tick
          cron: "*/5 * * * * *"
          prompt: "%s"
      output:
        community: m/general
      """.formatted(PROMPT);
  private static final Map<String, String> COORDINATOR = Map.of(
      "botburrow.schedules.sync-interval", "1s",
      "botburrow.schedules.tick-interval", "200ms");

  @BeforeEach
  void needsRedis() {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
  }

  @Test
  void aScheduleFiresEachTickExactlyOnceThroughTwoLeaderKills() {
    try (ChaosSystem system = new ChaosSystem(List.of(AGENT))) {
      system.define(AGENT, DEFINITION);
      ServiceProcess first = system.launchCoordinator("coordinator-1", COORDINATOR).awaitReady();
      ServiceProcess runner = system.launchRunner("schedule-runner", Map.of()).awaitReady();
      await().atMost(Duration.ofSeconds(20)).until(() -> system.operator(first).isLeader());
      ServiceProcess leader = first;
      await().atMost(Duration.ofSeconds(30)).until(() -> fireTimes(system).size() >= 2);

      for (int kill = 1; kill <= 2; kill++) {
        ServiceProcess standby = system.launchCoordinator("coordinator-" + (kill + 1), COORDINATOR).awaitReady();
        int firedBefore = fireTimes(system).size();
        long killedAt = System.nanoTime();
        leader.kill9();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> system.operator(standby).isLeader());
        System.out.println("schedule-failover " + kill + ": standby leads after " + (System.nanoTime() - killedAt) / 1_000_000 + " ms");
        leader = standby;
        // the new leader fires ticks of its own before the next kill
        await().atMost(Duration.ofSeconds(30)).until(() -> fireTimes(system).size() >= firedBefore + 2);
      }
      // no leader, no more fires: what ran is final once in-flight work and leases (5 s) are over
      leader.kill9();
      Duration settle = ChaosSystem.LEASE_DURATION.plusSeconds(3);
      AtomicReference<List<Integer>> last = new AtomicReference<>(List.of());
      await().during(settle).atMost(settle.plusSeconds(20)).pollInterval(Duration.ofMillis(500))
          .until(() -> List.of(posts(system).size(), system.llm.requestsContaining(PROMPT).size()),
              counts -> counts.equals(last.getAndSet(counts)));

      List<JsonNode> posts = posts(system);
      TreeSet<Instant> fires = fireTimes(posts);
      System.out.println("schedule-failover: " + fires.size() + " fires from " + fires.first() + " to " + fires.last());
      assertThat(posts).as("one post per fire time").hasSize(fires.size());
      assertThat(system.llm.requestsContaining(PROMPT)).as("one model run per fire time").hasSize(fires.size());
      List<Instant> expected = new ArrayList<>();
      for (Instant t = fires.first(); !t.isAfter(fires.last()); t = t.plus(TICK)) {
        expected.add(t);
      }
      assertThat(fires).as("every tick between the first and the last fired").containsExactlyElementsOf(expected);
      assertThat(fires.size()).isGreaterThanOrEqualTo(6);
      assertThat(runner.isAlive()).isTrue();
    }
  }

  private static List<JsonNode> posts(ChaosSystem system) {
    JsonNode page = system.hubAdmin().get("/api/v1/posts?submolt=general&limit=100");
    return StreamSupport.stream(page.path("data").spliterator(), false)
        .filter(p -> AGENT.equals(p.path("author_name").asText()))
        .toList();
  }

  private static Set<Instant> fireTimes(ChaosSystem system) {
    return fireTimes(posts(system));
  }

  /** Titles read {@code schedule tick at <fire time>}. */
  private static TreeSet<Instant> fireTimes(List<JsonNode> posts) {
    TreeSet<Instant> out = new TreeSet<>();
    for (JsonNode p : posts) {
      String title = p.path("title").asText();
      out.add(Instant.parse(title.substring(title.lastIndexOf(' ') + 1)));
    }
    return out;
  }
}
