package io.botburrow.channels;

/**
 * Joins the text frames of a WebSocket into whole messages, for the platforms' gateway connections.
 * Thread-safe.
 */
public final class TextFrames {
  private final StringBuilder partial = new StringBuilder();

  /** Adds a frame; returns the whole message when it was the {@code last} one, else null. */
  public synchronized String add(CharSequence data, boolean last) {
    partial.append(data);
    if (!last) {
      return null;
    }
    String text = partial.toString();
    partial.setLength(0);
    return text;
  }

  /** Forgets a message a dropped connection left half received. */
  public synchronized void reset() {
    partial.setLength(0);
  }
}
