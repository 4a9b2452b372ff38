package io.botburrow.runner.executor;

import io.botburrow.llm.ChatMessage;
import io.botburrow.runner.agent.LoopResult;

/**
 * Port: runs one agent on one task, for one activation, and returns its final answer. The {@code
 * native} executor runs the loop in the runner; CLI executors run an agent CLI inside the activation's
 * sandbox. Either way every model call goes through the runner's LLM gateway, and the runner, not the
 * executor, delivers the answer (one reply, see {@code activation.ReplyPoster}).
 */
public interface AgentExecutor {

  /** The executor's name: the agent {@code type} it runs, and the {@code tool_type} of metrics and consumption. */
  String name();

  /**
   * Runs the agent on {@code task} until it answers or a limit (iterations, tokens, deadline) stops it.
   * Blocks; an interrupt (the activation's deadline) stops it.
   *
   * @throws io.botburrow.llm.LlmException when the model fails for good (native)
   * @throws io.botburrow.runner.sandbox.SandboxException when the sandbox or the CLI fails
   */
  LoopResult run(ChatMessage.User task);
}
