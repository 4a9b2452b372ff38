package io.botburrow.tasks;

import io.botburrow.tasks.memory.InMemoryTaskStore;
import org.junit.jupiter.api.BeforeEach;

class InMemoryTaskStoreTest implements TaskStoreContract {
  private TaskStore store;

  @BeforeEach
  void create() {
    store = new InMemoryTaskStore();
  }

  @Override
  public TaskStore store() {
    return store;
  }
}
