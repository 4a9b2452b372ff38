package io.botburrow.agents;

import java.util.List;

/**
 * Where agent definitions live (the S3/R2 bucket in production). Implementations cache and are safe
 * to call from many threads.
 */
public interface AgentDefinitionStore {

  /**
   * Loads the definition of {@code agentName}: config, system prompt and skills. Blocks on the
   * backend unless a cached copy is still fresh. Idempotent.
   *
   * @throws AgentNotFoundException when there is no {@code agents/<name>/config.yaml}
   * @throws InvalidAgentDefinitionException when the config breaks the format
   * @throws AgentStoreUnavailableException when the backend failed transiently (retryable)
   */
  AgentDefinition load(String agentName);

  /**
   * Names of all agents with a config.yaml, sorted. Blocks; never cached.
   *
   * @throws AgentStoreUnavailableException when the backend failed transiently (retryable)
   */
  List<String> listAgentNames();
}
