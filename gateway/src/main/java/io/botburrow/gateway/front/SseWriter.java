package io.botburrow.gateway.front;

import io.botburrow.gateway.stream.StreamSink;
import io.botburrow.llm.ChatResponse;

/** Writes a streamed answer as one front's server-sent events. Headers go out with the first event. */
interface SseWriter extends StreamSink {

  /**
   * Writes the final events: stop reason and usage (and {@code [DONE]} where the format has it). They go
   * out with the end of the body when the caller closes it: one write and one wake-up of the client.
   */
  void finish(ChatResponse response);

  /** An error after the stream began (before, the front answers with an error status instead). */
  void fail(int status, String message);

  /** Whether anything was written (the status can no longer change). */
  boolean started();
}
