package io.botburrow.runner.delegation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import io.botburrow.agents.AgentConfig;
import io.botburrow.runner.tools.ActivationTools;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.tasks.TaskState;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** Offers {@code delegate} to agents the operator lets delegate; returns late results to their delegators. */
public final class DelegationTools implements ActivationTools {
  private final Delegations delegations;
  private final ObjectMapper json;

  public DelegationTools(Delegations delegations, ObjectMapper json) {
    this.delegations = delegations;
    this.json = json;
  }

  @Override
  public List<AgentTool> offered(Activation activation, AgentConfig config, Instant deadline) {
    return offered(activation, config, deadline, () -> null);
  }

  @Override
  public List<AgentTool> offered(Activation activation, AgentConfig config, Instant deadline, Supplier<String> answering) {
    if (!delegations.authority().mayDelegate(config.name())) {
      return List.of();
    }
    return List.of(new DelegateTool(delegations, activation, deadline, json, answering));
  }

  @Override
  public void delegatedWorkEnded(Activation activation, TaskState state, String text) {
    if (activation.kind() == ActivationKind.DELEGATION) {
      delegations.ended(activation, state, text);
    }
  }
}
