package io.botburrow.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.botburrow.devkit.agents.ScriptedAgents;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.system.chaos.HubUser.Mention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runners are killed with SIGKILL again and again while mentions keep coming and the model takes a
 * second per answer, so kills land mid-activation. The leader sees the killed runner miss its
 * heartbeats and redelivers its work within seconds, long before the lease (20 s here) expires; the
 * agent's later mentions, which wait behind it (single flight), move on too.
 */
class RunnerKillStormIT {
  private static final List<String> AGENTS = ScriptedAgents.names("storm-agent", 8, 2);
  private static final int MENTIONS = 48;
  private static final Duration BETWEEN_MENTIONS = Duration.ofMillis(500);
  private static final Duration BETWEEN_KILLS = Duration.ofSeconds(5);
  private static final Duration MODEL_TIME = Duration.ofSeconds(1);
  private static final Duration LEASE = Duration.ofSeconds(20);
  private static final Map<String, String> RUNNER = Map.of("botburrow.redis.lease-duration", LEASE.toSeconds() + "s");

  @BeforeEach
  void needsRedis() {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
  }

  @Test
  void killedRunnersWorkMovesOnInSecondsAndEveryMentionIsAnsweredOnce() throws Exception {
    try (ChaosSystem system = new ChaosSystem(AGENTS)) {
      system.llm.defaultResponder(request -> {
        pause(MODEL_TIME);
        return ScriptedTurn.text(ChaosSystem.ANSWER);
      });
      ServiceProcess coordinator = system.launchCoordinator("storm-coordinator", Map.of());
      List<ServiceProcess> runners = new CopyOnWriteArrayList<>();
      for (int i = 1; i <= 3; i++) {
        runners.add(system.launchRunner("storm-runner-" + i, RUNNER));
      }
      coordinator.awaitReady();
      runners.forEach(ServiceProcess::awaitReady);

      Map<Mention, Instant> postedAt = new ConcurrentHashMap<>();
      List<Mention> mentions = new CopyOnWriteArrayList<>();
      Thread poster = Thread.ofVirtual().start(() -> {
        for (int i = 0; i < MENTIONS; i++) {
          String agent = AGENTS.get(i % AGENTS.size());
          Instant at = Instant.now();
          Mention m = new Mention(agent, system.ron.mention(agent, "storm question " + i));
          postedAt.put(m, at);
          mentions.add(m);
          pause(BETWEEN_MENTIONS);
        }
      });
      int kills = 0;
      int launched = runners.size();
      while (poster.isAlive()) {
        pause(BETWEEN_KILLS);
        ServiceProcess victim = runners.remove(ThreadLocalRandom.current().nextInt(runners.size()));
        victim.kill9();
        kills++;
        runners.add(system.launchRunner("storm-runner-" + ++launched, RUNNER)); // a new process, a new id
      }
      poster.join();

      Map<Mention, Duration> latency = new ConcurrentHashMap<>();
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
        for (Mention m : mentions) {
          if (!latency.containsKey(m)) {
            firstReplyAt(system.ron, m).ifPresent(at -> latency.put(m, Duration.between(postedAt.get(m), at)));
          }
        }
        assertThat(latency).as("answered mentions").hasSize(mentions.size());
      });
      // past the lease: a late duplicate from a lease expiry would show by now
      await().during(LEASE.plusSeconds(2)).atMost(LEASE.plusSeconds(15)).pollInterval(Duration.ofSeconds(1))
          .untilAsserted(() -> assertThat(Replies.counts(system.ron, mentions))
              .as("replies per mention").allSatisfy((m, n) -> assertThat(n).isEqualTo(1)));

      List<Long> millis = new ArrayList<>(latency.values().stream().map(Duration::toMillis).sorted().toList());
      long p50 = percentile(millis, 50);
      long p99 = percentile(millis, 99);
      System.out.printf("runner-kill: %d mentions, p50 %d ms, p99 %d ms (%d runners killed with SIGKILL, lease %d s)%n",
          mentions.size(), p50, p99, kills, LEASE.toSeconds());
      assertThat(kills).isGreaterThanOrEqualTo(3);
      assertThat(p99).as("p99 mention-to-reply latency in ms").isLessThanOrEqualTo(15_000);
    }
  }

  private static Optional<Instant> firstReplyAt(HubUser user, Mention m) {
    return user.repliesBy(m.postId(), m.agent()).stream()
        .map(reply -> Instant.parse(reply.path("created_at").asText()))
        .min(Instant::compareTo);
  }

  /** Nearest-rank percentile of sorted values. */
  private static long percentile(List<Long> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
