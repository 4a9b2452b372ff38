package io.botburrow.llm;

/** A chat-completions model with tool calling. */
public interface ChatModel {

  /**
   * Sends one request. Blocks until the provider answers. Transient provider errors (429, 5xx,
   * connection failures) are retried inside the adapter within its deadline.
   *
   * @throws LlmException when the provider refuses the request or stays unavailable
   */
  ChatResponse chat(ChatRequest request);
}
