package io.botburrow.gateway.stream;

import io.botburrow.llm.ChatModel;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ChatResponse;

/** A provider adapter that can also stream its answer. */
public interface StreamingChatModel extends ChatModel {

  /**
   * Sends one request asking for a streamed answer; blocks until the stream ends, feeding {@code sink}
   * as pieces arrive. One attempt, no retry.
   *
   * @return the whole answer, with the usage and stop reason of the stream's last events
   * @throws io.botburrow.llm.LlmException when the provider refuses, fails or the stream breaks
   */
  ChatResponse stream(ChatRequest request, StreamSink sink);
}
