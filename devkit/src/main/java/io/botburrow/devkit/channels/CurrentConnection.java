package io.botburrow.devkit.channels;

/**
 * The connection a fake platform gateway talks to now: the one the client opened last (or resumed on), until it
 * closes or the test cuts it.
 */
final class CurrentConnection {
  private volatile MiniWebSocketServer.Connection current;

  void set(MiniWebSocketServer.Connection c) {
    current = c;
  }

  boolean connected() {
    MiniWebSocketServer.Connection c = current;
    return c != null && c.open();
  }

  /** Sends {@code text} if a connection is current; returns whether one was. */
  boolean send(String text) {
    MiniWebSocketServer.Connection c = current;
    if (c == null) {
      return false;
    }
    c.send(text);
    return true;
  }

  /** Cuts the connection without a close frame, as a network failure would. */
  void drop() {
    MiniWebSocketServer.Connection c = current;
    current = null;
    if (c != null) {
      c.drop();
    }
  }

  /** Forgets {@code c} if it is current: it closed. */
  void closed(MiniWebSocketServer.Connection c) {
    if (current == c) {
      current = null;
    }
  }
}
