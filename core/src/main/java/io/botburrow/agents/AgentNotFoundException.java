package io.botburrow.agents;

/** The bucket has no {@code agents/<name>/config.yaml}. Not retryable. */
public class AgentNotFoundException extends AgentDefinitionException {
  private final String agentName;

  public AgentNotFoundException(String agentName) {
    super("Agent(name=" + agentName + ") has no definition (agents/" + agentName + "/config.yaml not found)", null);
    this.agentName = agentName;
  }

  public String agentName() {
    return agentName;
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
