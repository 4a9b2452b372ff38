package io.botburrow.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

/**
 * The agent the schedule chaos tests use (a native agent whose schedule fires every five seconds and
 * posts {@code schedule tick at <fire time>} to m/general) and what they check: each tick between the
 * first and the last fire has one post and one model run.
 */
final class ScheduleTicks {
  static final String AGENT = "ticker";
  static final Duration TICK = Duration.ofSeconds(5);
  static final String PROMPT = "Say tick for the schedule test.";
  static final String DEFINITION = """
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
  /** Schedules are read every second and ticked every 200 ms, so that a fire is due within the tests' patience. */
  static final Map<String, String> COORDINATOR = Map.of(
      "botburrow.schedules.sync-interval", "1s",
      "botburrow.schedules.tick-interval", "200ms");

  private ScheduleTicks() {
  }

  static List<JsonNode> posts(ChaosSystem system) {
    JsonNode page = system.hubAdmin().get("/api/v1/posts?submolt=general&limit=100");
    return StreamSupport.stream(page.path("data").spliterator(), false)
        .filter(p -> AGENT.equals(p.path("author_name").asText()))
        .toList();
  }

  static TreeSet<Instant> fireTimes(ChaosSystem system) {
    return fireTimes(posts(system));
  }

  /** Titles read {@code schedule tick at <fire time>}. */
  static TreeSet<Instant> fireTimes(List<JsonNode> posts) {
    TreeSet<Instant> out = new TreeSet<>();
    for (JsonNode p : posts) {
      String title = p.path("title").asText();
      out.add(Instant.parse(title.substring(title.lastIndexOf(' ') + 1)));
    }
    return out;
  }

  /**
   * Sleeps until {@code offset} (negative: before) from the next tick that leaves time for it (ticks fall on
   * multiples of five seconds).
   */
  static void sleepUntilNextTick(Duration offset) {
    long now = System.currentTimeMillis();
    long at = (now / TICK.toMillis() + 1) * TICK.toMillis() + offset.toMillis();
    while (at <= now) {
      at += TICK.toMillis();
    }
    sleep(Duration.ofMillis(at - now));
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * Call once nothing leads any more: waits until posts and model runs have not changed for longer than
   * a lease (in-flight work and redeliveries are over), then checks that every tick from the first fire
   * to the last has one post and one model run, and that there were at least {@code minFires}. Returns
   * the fire times.
   */
  static TreeSet<Instant> assertEachTickRanOnce(ChaosSystem system, String test, int minFires) {
    TreeSet<Instant> fires = assertEachTickPostedOnce(system, test, minFires);
    assertThat(system.llm.requestsContaining(PROMPT)).as("one model run per fire time").hasSize(fires.size());
    return fires;
  }

  /**
   * As {@link #assertEachTickRanOnce}, without counting model runs: where a run's lease cannot be confirmed for
   * longer than it lasts (Redis itself frozen), a second delivery may call the model again, and only its answer
   * must stay single.
   */
  static TreeSet<Instant> assertEachTickPostedOnce(ChaosSystem system, String test, int minFires) {
    Duration settle = ChaosSystem.LEASE_DURATION.plusSeconds(3);
    AtomicReference<List<Integer>> last = new AtomicReference<>(List.of());
    await().during(settle).atMost(settle.plusSeconds(20)).pollInterval(Duration.ofMillis(500))
        .until(() -> List.of(posts(system).size(), system.llm.requestsContaining(PROMPT).size()),
            counts -> counts.equals(last.getAndSet(counts)));

    List<JsonNode> posts = posts(system);
    TreeSet<Instant> fires = fireTimes(posts);
    System.out.println(test + ": " + fires.size() + " fires from " + fires.first() + " to " + fires.last() + ", "
        + system.llm.requestsContaining(PROMPT).size() + " model runs");
    assertThat(posts).as("one post per fire time").hasSize(fires.size());
    List<Instant> expected = new ArrayList<>();
    for (Instant t = fires.first(); !t.isAfter(fires.last()); t = t.plus(TICK)) {
      expected.add(t);
    }
    assertThat(fires).as("every tick between the first and the last fired").containsExactlyElementsOf(expected);
    assertThat(fires.size()).isGreaterThanOrEqualTo(minFires);
    return fires;
  }
}
