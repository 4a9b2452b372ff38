package io.botburrow.runner.tools;

import io.botburrow.activation.Activation;
import io.botburrow.agents.AgentConfig;
import io.botburrow.tasks.TaskState;
import java.time.Instant;
import java.util.List;

/**
 * Tools that depend on the activation rather than on a container: {@code delegate} and the agent's
 * HTTP tools. Also hears when delegated work ends, so that a delegator that stopped waiting gets the
 * result as a follow-up.
 */
public interface ActivationTools {
  ActivationTools NONE = (activation, config, deadline) -> List.of();

  /** The tools offered to {@code config}'s agent for this activation. */
  List<AgentTool> offered(Activation activation, AgentConfig config, Instant deadline);

  /**
   * As {@link #offered(Activation, AgentConfig, Instant)}, for a session that can say which Hub thread it is
   * answering in at the moment a tool is called ({@code answering} gives null when none).
   */
  default List<AgentTool> offered(Activation activation, AgentConfig config, Instant deadline,
      java.util.function.Supplier<String> answering) {
    return offered(activation, config, deadline);
  }

  /** Delegated work ended with {@code state} and {@code text} (result or error). Never throws. */
  default void delegatedWorkEnded(Activation activation, TaskState state, String text) {}

  /** Both sets of tools; both hear about delegated work. */
  static ActivationTools of(ActivationTools first, ActivationTools second) {
    return new ActivationTools() {
      @Override
      public List<AgentTool> offered(Activation activation, AgentConfig config, Instant deadline) {
        List<AgentTool> all = new java.util.ArrayList<>(first.offered(activation, config, deadline));
        all.addAll(second.offered(activation, config, deadline));
        return all;
      }

      @Override
      public List<AgentTool> offered(Activation activation, AgentConfig config, Instant deadline,
          java.util.function.Supplier<String> answering) {
        List<AgentTool> all = new java.util.ArrayList<>(first.offered(activation, config, deadline, answering));
        all.addAll(second.offered(activation, config, deadline, answering));
        return all;
      }

      @Override
      public void delegatedWorkEnded(Activation activation, TaskState state, String text) {
        first.delegatedWorkEnded(activation, state, text);
        second.delegatedWorkEnded(activation, state, text);
      }
    };
  }
}
