package io.botburrow.coordinator.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.agents.AgentConfigParser;
import io.botburrow.agents.AgentDefinition;
import io.botburrow.agents.memory.InMemoryAgentDefinitionStore;
import io.botburrow.hub.HubClient;
import io.botburrow.hub.HubException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HubRegistrationTest {
  private final List<String> registered = new ArrayList<>();
  private final InMemoryAgentDefinitionStore store = new InMemoryAgentDefinitionStore();

  private HubClient hub(boolean up) {
    return (HubClient) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HubClient.class}, (p, m, args) -> {
      if (!m.getName().equals("registerAgent")) {
        throw new UnsupportedOperationException(m.getName());
      }
      if (!up) {
        throw new HubException("connection refused", 0, null);
      }
      registered.add((String) args[0]);
      return true;
    });
  }

  private void define(String name) {
    var config = new AgentConfigParser().parse("config.yaml", "name: " + name + "\ntype: native\nbrain:\n  model: m\ncapabilities:\n  grants: [hub:read]\n").config();
    store.put(new AgentDefinition(config, "", List.of(), "r1"));
  }

  @Test
  void anAgentIsRegisteredWithTheHubOnItsFirstTriggerOnly() {
    define("fresh-agent");
    HubRegistration registration = new HubRegistration(hub(true), store);

    registration.ensure("fresh-agent");
    registration.ensure("fresh-agent");

    assertThat(registered).containsExactly("fresh-agent");
  }

  @Test
  void aHubThatIsDownOrAnUnknownAgentDoesNotStopTheSubmission() {
    define("fresh-agent");

    new HubRegistration(hub(false), store).ensure("fresh-agent");
    new HubRegistration(hub(true), store).ensure("no-such-agent");

    assertThat(registered).isEmpty();
  }
}
