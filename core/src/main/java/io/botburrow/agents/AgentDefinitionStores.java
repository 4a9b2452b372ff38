package io.botburrow.agents;

/** Opens stores of agent definitions under a prefix of the definitions bucket (one per tenant). */
@FunctionalInterface
public interface AgentDefinitionStores {
  /**
   * A store reading only {@code <keyPrefix>agents/...} and {@code <keyPrefix>skills/...}. Does not block.
   *
   * @param keyPrefix empty, or ending with {@code /}
   */
  AgentDefinitionStore under(String keyPrefix);
}
