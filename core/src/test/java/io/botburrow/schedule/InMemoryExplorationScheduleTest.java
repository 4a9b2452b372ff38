package io.botburrow.schedule;

import io.botburrow.schedule.memory.InMemoryExplorationSchedule;
import org.junit.jupiter.api.BeforeEach;

class InMemoryExplorationScheduleTest implements ExplorationScheduleContract {
  private ExplorationSchedule schedule;

  @BeforeEach
  void setUp() {
    schedule = new InMemoryExplorationSchedule();
  }

  @Override
  public ExplorationSchedule schedule() {
    return schedule;
  }
}
