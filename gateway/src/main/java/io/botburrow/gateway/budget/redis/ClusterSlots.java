package io.botburrow.gateway.budget.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Which Redis Cluster node answers for a command: its key's slot, the node that last answered for that slot,
 * and the redirections ({@code MOVED}, {@code ASK}) that say otherwise. Thread-safe.
 */
final class ClusterSlots {
  static final int SLOTS = 16_384;

  /** An error reply that sends the command to {@code node}: for good ({@code moved}) or this once. */
  record Redirection(boolean moved, String slot, String node) {}

  /** The node ({@code host:port}) that answers for each slot, as far as known. */
  private final AtomicReferenceArray<String> nodes = new AtomicReferenceArray<>(SLOTS);

  /** The node known to answer for {@code command}'s slot, or null. */
  String nodeFor(List<String> command) {
    String key = firstKey(command);
    int slot = key == null ? -1 : slot(key);
    return slot < 0 ? null : nodes.get(slot);
  }

  /** Remembers where a {@code MOVED} redirection said its slot lives now. */
  void moved(Redirection redirection) {
    nodes.set(Integer.parseInt(redirection.slot()), redirection.node());
  }

  /** The redirection {@code error} (an error reply) asks for, or null when it is none. */
  static Redirection redirection(String error) {
    // MOVED <slot> <host:port>: the slot lives there now; ASK <slot> <host:port>: this once, while it moves
    String[] parts = error.split(" ");
    boolean moved = parts[0].equals("MOVED");
    if (parts.length != 3 || !(moved || parts[0].equals("ASK"))) {
      return null;
    }
    return new Redirection(moved, parts[1], parts[2]);
  }

  /** The key a command's slot is computed from: a script's first key, else the command's first argument. */
  static String firstKey(List<String> command) {
    String name = command.get(0).toUpperCase(Locale.ROOT);
    if (name.equals("EVAL") || name.equals("EVALSHA")) {
      return command.size() > 3 && !command.get(2).equals("0") ? command.get(3) : null;
    }
    return command.size() > 1 ? command.get(1) : null;
  }

  /** The Redis Cluster slot of {@code key} (of its hash tag, if it has one): CRC16/XMODEM mod 16384. */
  static int slot(String key) {
    int open = key.indexOf('{');
    if (open >= 0) {
      int close = key.indexOf('}', open + 1);
      if (close > open + 1) {
        key = key.substring(open + 1, close);
      }
    }
    int crc = 0;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      crc ^= (b & 0xff) << 8;
      for (int i = 0; i < 8; i++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
      }
    }
    return (crc & 0xffff) % SLOTS;
  }
}
