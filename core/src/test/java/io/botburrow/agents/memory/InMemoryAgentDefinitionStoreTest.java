package io.botburrow.agents.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.agents.AgentConfigParser;
import io.botburrow.agents.AgentDefinition;
import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.agents.AgentDefinitionStoreContract;
import io.botburrow.agents.AgentStoreUnavailableException;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryAgentDefinitionStoreTest extends AgentDefinitionStoreContract {
  private final InMemoryAgentDefinitionStore store = new InMemoryAgentDefinitionStore();

  @Override
  protected AgentDefinitionStore store() {
    return store;
  }

  @Override
  protected void givenAgent(String name, String prompt) {
    var config = new AgentConfigParser().parse(name + "/config.yaml", minimalConfig(name)).config();
    store.put(new AgentDefinition(config, prompt, List.of(), "1"));
  }

  @Test
  void failsWithTheGivenErrorUntilRecovered() {
    givenAgent("helper", "");
    store.failWith(new AgentStoreUnavailableException("bucket down", null));

    assertThatThrownBy(() -> store.load("helper")).hasMessage("bucket down");

    store.recover();
    assertThat(store.load("helper").name()).isEqualTo("helper");
  }
}
