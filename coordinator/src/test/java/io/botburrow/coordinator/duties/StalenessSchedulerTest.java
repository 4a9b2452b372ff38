package io.botburrow.coordinator.duties;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.activation.ActivationKind;
import io.botburrow.activity.ActivityReport;
import io.botburrow.activity.AgentPhase;
import io.botburrow.activity.memory.InMemoryAgentActivity;
import io.botburrow.agents.AgentConfig;
import io.botburrow.agents.Brain;
import io.botburrow.agents.Capabilities;
import io.botburrow.agents.Discovery;
import io.botburrow.agents.memory.InMemoryAgentDefinitionStore;
import io.botburrow.coordinator.CoordinatorMetrics;
import io.botburrow.coordinator.CoordinatorProperties;
import io.botburrow.coordinator.DiscoveryPolicy;
import io.botburrow.hub.HubAgent;
import io.botburrow.hub.HubClient;
import io.botburrow.queue.QueueSettings;
import io.botburrow.queue.memory.InMemoryActivationQueue;
import io.botburrow.schedule.memory.InMemoryExplorationSchedule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class StalenessSchedulerTest {
  private static final Duration QUIET = Duration.ofSeconds(900);
  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
  private Instant now = T0;
  private final Clock clock = new Clock() {
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    public Instant instant() {
      return now;
    }
  };
  private final InMemoryActivationQueue queue = new InMemoryActivationQueue(QueueSettings.defaults(), clock);

  {
    queue.startTerm(1);
  }
  private final InMemoryExplorationSchedule schedule = new InMemoryExplorationSchedule();
  private final InMemoryAgentActivity activity = new InMemoryAgentActivity();
  private final InMemoryAgentDefinitionStore definitions = new InMemoryAgentDefinitionStore()
      .put(agent("explorer", true))
      .put(agent("homebody", false));

  private static AgentConfig agent(String name, boolean discovery) {
    AgentConfig c = AgentConfig.of(name, "native", Brain.of("m"), Capabilities.grants("hub:read"));
    Discovery d = new Discovery(discovery, "staleness", false, false, 0.7);
    return c.withBehavior(c.behavior().withDiscovery(d));
  }

  /** A Hub that only answers the stale listing. */
  private static HubClient staleHub(List<HubAgent> stale) {
    return (HubClient) Proxy.newProxyInstance(HubClient.class.getClassLoader(), new Class<?>[] {HubClient.class},
        (proxy, method, args) -> {
          if (method.getName().equals("staleAgents")) {
            return stale;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }

  private StalenessScheduler scheduler(List<HubAgent> stale) {
    CoordinatorProperties props = new CoordinatorProperties(
        Duration.ofSeconds(30), 100, Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(5));
    CoordinatorMetrics metrics = new CoordinatorMetrics(new SimpleMeterRegistry(), queue, queue, "test");
    return new StalenessScheduler(staleHub(stale), queue, schedule, new DiscoveryPolicy(definitions), props, QUIET, metrics, activity, clock);
  }

  @Test
  void staleAgentsFromTheHubExploreOnceWhenTheirDiscoveryIsOn() {
    StalenessScheduler s = scheduler(List.of(
        new HubAgent("explorer", "native", 0, null),
        new HubAgent("homebody", "native", 0, null),
        new HubAgent("ron", "human", 0, null)));

    s.step(1);
    s.step(1);

    assertThat(queue.depth(ActivationKind.EXPLORATION)).isEqualTo(1);
    assertThat(schedule.size()).isEqualTo(1);
  }

  @Test
  void anAgentExploresOnlyWhenItsDueTimeHasCome() {
    StalenessScheduler s = scheduler(List.of());
    schedule.scheduleAt("explorer", T0.plus(QUIET));

    s.step(1);
    assertThat(queue.depth(ActivationKind.EXPLORATION)).isZero();

    now = T0.plus(QUIET);
    s.step(1);
    assertThat(queue.depth(ActivationKind.EXPLORATION)).isEqualTo(1);
  }

  @Test
  void anAgentWhoseDiscoveryWasSwitchedOffLeavesTheSchedule() {
    StalenessScheduler s = scheduler(List.of());
    schedule.scheduleAt("homebody", T0);

    s.step(1);

    assertThat(queue.depth(ActivationKind.EXPLORATION)).isZero();
    assertThat(schedule.size()).isZero();
  }

  @Test
  void anAgentRestingAfterItsLastActivationExploresOnlyWhenTheRestIsOver() {
    StalenessScheduler s = scheduler(List.of());
    schedule.scheduleAt("explorer", T0);
    // it answered a mention a moment ago and rests for its min_interval_seconds (60 s)
    activity.report("explorer", new ActivityReport(AgentPhase.COOLDOWN, "a1", "runner-1", T0.minusSeconds(1),
        T0.plusSeconds(59)));

    s.step(1);
    assertThat(queue.depth(ActivationKind.EXPLORATION)).isZero();

    now = T0.plusSeconds(58);
    s.step(1);
    assertThat(queue.depth(ActivationKind.EXPLORATION)).isZero();

    now = T0.plusSeconds(59);
    s.step(1);
    assertThat(queue.depth(ActivationKind.EXPLORATION)).isEqualTo(1);
  }

  @Test
  void anAgentBusyWithOtherWorkIsNotHeldBackByAnEndedRest() {
    StalenessScheduler s = scheduler(List.of());
    schedule.scheduleAt("explorer", T0);
    activity.report("explorer", new ActivityReport(AgentPhase.COOLDOWN, "a1", "runner-1", T0.minusSeconds(90),
        T0.minusSeconds(30)));

    s.step(1);

    assertThat(queue.depth(ActivationKind.EXPLORATION)).isEqualTo(1);
  }

  @Test
  void aFullBatchIsFollowedAtOnceUntilEveryDueAgentIsEnqueued() {
    for (int i = 0; i < 150; i++) {
      definitions.put(agent("explorer-" + i, true));
      schedule.scheduleAt("explorer-" + i, T0.minusSeconds(i));
    }
    StalenessScheduler s = scheduler(List.of());

    assertThat(s.step(1)).isEqualTo(java.time.Duration.ZERO);
    assertThat(queue.depth(ActivationKind.EXPLORATION)).isEqualTo(100);
    assertThat(s.step(1)).isEqualTo(java.time.Duration.ofSeconds(5));
    assertThat(queue.depth(ActivationKind.EXPLORATION)).isEqualTo(150);
  }
}
