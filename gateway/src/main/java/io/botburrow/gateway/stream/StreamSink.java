package io.botburrow.gateway.stream;

/**
 * Receives a model's answer piece by piece, in provider-neutral form. Called on the thread that reads
 * the provider's stream; an exception thrown here (the caller went away) ends the call.
 */
public interface StreamSink {
  StreamSink NONE = new StreamSink() {
    @Override
    public void text(String delta) {}

    @Override
    public void toolCallStarted(int index, String id, String name) {}

    @Override
    public void toolCallArguments(int index, String delta) {}
  };

  /** More assistant text. */
  void text(String delta);

  /** Tool call number {@code index} (0-based, in order) begins. */
  void toolCallStarted(int index, String id, String name);

  /** More of tool call {@code index}'s arguments JSON text. */
  void toolCallArguments(int index, String delta);

  /**
   * The deployment about to stream the answer serves {@code model} (the provider's model name, not the
   * caller's alias). Called before its first piece, and again for a fallback that takes over before any
   * piece was passed on.
   */
  default void serving(String model) {}

  /**
   * The provider has sent nothing more for now: pieces held back to be written together should go out.
   * Sinks that write each piece at once need not care.
   */
  default void flush() {}
}
