package io.botburrow.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What every {@link AgentDefinitionStore} must do; each implementation runs it with its own setup. */
public abstract class AgentDefinitionStoreContract {

  /** The store under test, seeded by {@link #givenAgent}. */
  protected abstract AgentDefinitionStore store();

  /** Makes {@code name} exist with a minimal native config and {@code prompt}. */
  protected abstract void givenAgent(String name, String prompt);

  protected static String minimalConfig(String name) {
    return "name: " + name + "\ntype: native\nbrain: {model: gpt-4o-mini}\ncapabilities: {grants: [hub:read]}\n";
  }

  @Test
  void loadsAnAgentByName() {
    givenAgent("helper", "You are helper.");

    AgentDefinition definition = store().load("helper");

    assertThat(definition.name()).isEqualTo("helper");
    assertThat(definition.config().hasGrant("hub:read")).isTrue();
    assertThat(definition.systemPrompt()).isEqualTo("You are helper.");
    assertThat(definition.revision()).isNotEmpty();
  }

  @Test
  void loadingTwiceGivesTheSameRevision() {
    givenAgent("helper", "You are helper.");

    assertThat(store().load("helper").revision()).isEqualTo(store().load("helper").revision());
  }

  @Test
  void unknownAgentIsNotFoundAndNotRetryable() {
    givenAgent("helper", "");

    assertThatThrownBy(() -> store().load("stranger"))
        .isInstanceOf(AgentNotFoundException.class)
        .satisfies(e -> assertThat(((AgentNotFoundException) e).agentName()).isEqualTo("stranger"))
        .satisfies(e -> assertThat(((AgentNotFoundException) e).retryable()).isFalse());
  }

  @Test
  void listsAgentNamesSorted() {
    givenAgent("zeta", "");
    givenAgent("alpha", "");

    assertThat(store().listAgentNames()).containsExactly("alpha", "zeta");
  }
}
