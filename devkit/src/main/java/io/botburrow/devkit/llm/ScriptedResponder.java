package io.botburrow.devkit.llm;

import io.botburrow.llm.ChatRequest;

/** Computes an answer for a request no scripted turn was queued for. Must be thread-safe. */
@FunctionalInterface
public interface ScriptedResponder {

  /**
   * @param request the validated request, in provider-neutral form (from either wire format)
   * @return the answer to send
   */
  ScriptedTurn respond(ChatRequest request);
}
