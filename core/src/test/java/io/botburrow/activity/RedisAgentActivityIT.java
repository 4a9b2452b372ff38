package io.botburrow.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.activity.redis.RedisAgentActivity;
import io.botburrow.redis.RedisProperties;
import io.botburrow.redis.RedissonFactory;
import io.botburrow.testing.TestRedis;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

class RedisAgentActivityIT {
  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
  private static TestRedis server;
  private static RedissonClient client;

  @BeforeAll
  static void startRedis() {
    server = TestRedis.startOrSkip();
    client = RedissonFactory.createClient(RedisProperties.forUrl(server.url()));
  }

  @AfterAll
  static void stopRedis() {
    if (client != null) {
      client.shutdown();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void readsTheReportsOfManyAgentsAtOnceAsOneByOne() {
    AgentActivity activity = new RedisAgentActivity(client, "activity-batch:");
    ActivityReport resting = new ActivityReport(AgentPhase.COOLDOWN, "a-1", "runner-1", T0, T0.plusSeconds(60));
    ActivityReport thinking = new ActivityReport(AgentPhase.THINKING, "a-2", "runner-2", T0, T0);
    activity.report("rests", resting);
    activity.report("thinks", thinking);

    var reports = activity.current(List.of("rests", "thinks", "never-ran"));

    assertThat(reports).containsOnlyKeys("rests", "thinks");
    assertThat(reports.get("rests")).isEqualTo(activity.current("rests").orElseThrow());
    assertThat(reports.get("rests").until()).isEqualTo(T0.plusSeconds(60));
    assertThat(reports.get("thinks").phase()).isEqualTo(AgentPhase.THINKING);
    assertThat(activity.current(List.of())).isEmpty();
  }
}
