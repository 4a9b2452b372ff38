package io.botburrow.coordinator.duties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.RunnerPool;
import io.botburrow.agents.AgentConfigParser;
import io.botburrow.agents.memory.InMemoryAgentDefinitionStore;
import io.botburrow.coordinator.schedules.ScheduleProperties;
import io.botburrow.queue.Lease;
import io.botburrow.queue.QueueSettings;
import io.botburrow.queue.memory.InMemoryActivationQueue;
import io.botburrow.tasks.TaskState;
import io.botburrow.tasks.memory.InMemoryTaskStore;
import io.botburrow.triggers.ScheduleIndex;
import io.botburrow.triggers.memory.InMemoryScheduleIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ScheduleFirerTest {
  private static final String TICKER = """
      name: ticker
      type: native
      brain:
        model: gpt-4o-mini
      capabilities:
        grants: [hub:read]
      schedules:
        - name: loop
          cron: "* * * * *"
          prompt: Run the coordination loop.
      """;

  private Instant now = Instant.parse("2026-01-01T10:00:30Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };
  private final InMemoryActivationQueue queue = new InMemoryActivationQueue(QueueSettings.defaults(), clock);
  private final InMemoryTaskStore tasks = new InMemoryTaskStore();
  private final InMemoryScheduleIndex index = new InMemoryScheduleIndex();
  private final InMemoryAgentDefinitionStore definitions = new InMemoryAgentDefinitionStore()
      .put(new AgentConfigParser().parse("config.yaml", TICKER).config());

  private ScheduleFirer firer(ScheduleIndex on, String policy) {
    ScheduleProperties props = new ScheduleProperties(Duration.ofSeconds(1), Duration.ofSeconds(10), policy, Duration.ofSeconds(60), 500);
    return new ScheduleFirer(on, definitions, queue, tasks, props, Duration.ofSeconds(1), clock);
  }

  @Test
  void firesOncePerMinuteWithTheFireTimeInTheKey() {
    queue.startTerm(1);
    ScheduleFirer firer = firer(index, "run-once");
    firer.step(1);
    List<String> fired = new ArrayList<>();
    for (int second = 0; second < 180; second++) {
      now = now.plusSeconds(1);
      firer.tick(1);
      drain(fired);
    }

    assertThat(fired).containsExactly(
        "schedule:ticker:loop:" + Instant.parse("2026-01-01T10:01:00Z").toEpochMilli(),
        "schedule:ticker:loop:" + Instant.parse("2026-01-01T10:02:00Z").toEpochMilli(),
        "schedule:ticker:loop:" + Instant.parse("2026-01-01T10:03:00Z").toEpochMilli());
  }

  @Test
  void aLeaderKilledBetweenEnqueueAndAdvanceDoesNotMakeTheNextLeaderFireTwice() {
    queue.startTerm(1);
    firer(index, "run-once").step(1);
    now = Instant.parse("2026-01-01T10:01:00.200Z");
    ScheduleIndex dying = new FailingAdvance(index);
    assertThatThrownBy(() -> firer(dying, "run-once").tick(1)).isInstanceOf(IllegalStateException.class);

    queue.startTerm(2); // a new leader, a new term
    now = now.plusSeconds(3);
    firer(index, "run-once").tick(2);

    List<String> fired = new ArrayList<>();
    drain(fired);
    assertThat(fired).hasSize(1);
    assertThat(index.due(now.plusSeconds(60), 10)).singleElement()
        .satisfies(d -> assertThat(d.fireAt()).isEqualTo(Instant.parse("2026-01-01T10:02:00Z")));
  }

  @Test
  void aLeaderBehindByLessThanTheGraceFiresEveryTickItIsBehindEachOnce() {
    definitions.put(new AgentConfigParser().parse("config.yaml", """
        name: pulse
        type: native
        brain:
          model: gpt-4o-mini
        capabilities:
          grants: [hub:read]
        schedules:
          - name: beat
            cron: "*/10 * * * * *"
            prompt: Beat.
        """).config());
    queue.startTerm(1);
    ScheduleFirer firer = firer(index, "run-once");
    firer.step(1); // 10:00:30: the next beat is 10:00:40
    now = Instant.parse("2026-01-01T10:01:25Z"); // the leader paused for 55 s, within the 60 s grace
    for (int tick = 0; tick < 10; tick++) {
      firer.tick(1);
    }

    List<String> fired = new ArrayList<>();
    drain(fired);
    assertThat(fired).filteredOn(key -> key.startsWith("schedule:pulse:")).containsExactly(
        "schedule:pulse:beat:" + Instant.parse("2026-01-01T10:00:40Z").toEpochMilli(),
        "schedule:pulse:beat:" + Instant.parse("2026-01-01T10:00:50Z").toEpochMilli(),
        "schedule:pulse:beat:" + Instant.parse("2026-01-01T10:01:00Z").toEpochMilli(),
        "schedule:pulse:beat:" + Instant.parse("2026-01-01T10:01:10Z").toEpochMilli(),
        "schedule:pulse:beat:" + Instant.parse("2026-01-01T10:01:20Z").toEpochMilli());
    assertThat(index.due(now.plusSeconds(5), 10)).filteredOn(d -> d.agent().equals("pulse")).singleElement()
        .satisfies(d -> assertThat(d.fireAt()).isEqualTo(Instant.parse("2026-01-01T10:01:30Z")));
  }

  @Test
  void missedFiresRunOnceOnRecoveryOrAreSkipped() {
    queue.startTerm(1);
    firer(index, "run-once").step(1);
    now = now.plus(Duration.ofMinutes(30)); // nobody led for half an hour
    firer(index, "run-once").tick(1);
    List<String> fired = new ArrayList<>();
    drain(fired);
    assertThat(fired).hasSize(1);

    InMemoryScheduleIndex other = new InMemoryScheduleIndex();
    now = Instant.parse("2026-01-01T12:00:30Z");
    firer(other, "skip").step(1);
    now = now.plus(Duration.ofMinutes(30));
    firer(other, "skip").tick(1);
    fired.clear();
    drain(fired);
    assertThat(fired).isEmpty();
    assertThat(other.due(now.plusSeconds(60), 10)).singleElement()
        .satisfies(d -> assertThat(d.fireAt()).isAfter(now));
  }

  @Test
  void eachFireIsATaskThatKeepsItsResult() {
    queue.startTerm(1);
    firer(index, "run-once").step(1);
    now = Instant.parse("2026-01-01T10:01:00Z");
    firer(index, "run-once").tick(1);

    Lease lease = queue.claim(RunnerPool.EXPLORATION, "r", Duration.ZERO).orElseThrow();
    assertThat(lease.activation().kind()).isEqualTo(ActivationKind.SCHEDULE);
    assertThat(lease.activation().trigger().prompt()).isEqualTo("Run the coordination loop.");
    assertThat(tasks.get(lease.activation().trigger().taskId())).hasValueSatisfying(
        t -> assertThat(t.state()).isEqualTo(TaskState.SUBMITTED));
  }

  @Test
  void removedSchedulesLeaveTheIndex() {
    queue.startTerm(1);
    firer(index, "run-once").step(1);
    assertThat(index.size()).isEqualTo(1);
    definitions.remove("ticker");

    firer(index, "run-once").step(1);

    assertThat(index.size()).isZero();
  }

  @Test
  void aTenantsScheduleFiresFromItsOwnDefinitionWithItsTenantAndFireTimesOfItsOwn() {
    queue.startTerm(1);
    InMemoryAgentDefinitionStore acmeDefinitions = new InMemoryAgentDefinitionStore()
        .put(new AgentConfigParser().parse("config.yaml", TICKER.replace("Run the coordination loop.", "Run acme's loop."))
            .config());
    InMemoryScheduleIndex acmeIndex = new InMemoryScheduleIndex();
    InMemoryTaskStore acmeTasks = new InMemoryTaskStore();
    ScheduleProperties props = new ScheduleProperties(Duration.ofSeconds(1), Duration.ofSeconds(10), "run-once",
        Duration.ofSeconds(60), 500);
    ScheduleFirer acme = new ScheduleFirer("acme", acmeIndex, acmeDefinitions, queue, acmeTasks, props,
        Duration.ofSeconds(1), clock);
    acme.step(1);
    // the default tenant's ticker has no fire time yet: the two indexes share nothing
    assertThat(index.size()).isZero();
    assertThat(acmeIndex.size()).isEqualTo(1);
    assertThat(acme.name()).isEqualTo("schedule-firer:acme");

    now = Instant.parse("2026-01-01T10:01:00Z");
    acme.tick(1);

    Lease lease = queue.claim(RunnerPool.EXPLORATION, "r", Duration.ZERO).orElseThrow();
    assertThat(lease.activation().tenant()).isEqualTo("acme");
    assertThat(lease.activation().trigger().prompt()).isEqualTo("Run acme's loop.");
    assertThat(lease.activation().trigger().key())
        .isEqualTo("tenant:acme:schedule:ticker:loop:" + Instant.parse("2026-01-01T10:01:00Z").toEpochMilli());
    assertThat(acmeTasks.get(lease.activation().trigger().taskId())).isPresent();
    assertThat(tasks.get(lease.activation().trigger().taskId())).isEmpty();
  }

  private void drain(List<String> fired) {
    for (var lease = queue.claim(RunnerPool.HYBRID, "r", Duration.ZERO); lease.isPresent();
        lease = queue.claim(RunnerPool.HYBRID, "r", Duration.ZERO)) {
      fired.add(lease.get().activation().trigger().key());
      queue.complete(lease.get());
    }
  }

  /** An index whose advance fails, as if the leader died right after enqueueing. */
  private record FailingAdvance(ScheduleIndex delegate) implements ScheduleIndex {
    @Override
    public void sync(String agent, Map<String, String> schedules, Function<String, Instant> firstFire) {
      delegate.sync(agent, schedules, firstFire);
    }

    @Override
    public List<String> agents() {
      return delegate.agents();
    }

    @Override
    public List<Due> due(Instant at, int limit) {
      return delegate.due(at, limit);
    }

    @Override
    public boolean advance(Due due, Instant next) {
      throw new IllegalStateException("leader killed");
    }

    @Override
    public void remove(String agent, String scheduleId) {
      delegate.remove(agent, scheduleId);
    }

    @Override
    public long size() {
      return delegate.size();
    }
  }
}
