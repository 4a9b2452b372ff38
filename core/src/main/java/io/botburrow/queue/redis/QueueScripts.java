package io.botburrow.queue.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The Lua sources of the queue, each prefixed with the shared {@code prelude.lua}. */
record QueueScripts(
    String enqueue,
    String claim,
    String renew,
    String complete,
    String fail,
    String release,
    String defer,
    String reap,
    String reapRunner,
    String holders,
    String requeue,
    String running,
    String dead,
    String circuits,
    String resetCircuit,
    String oldest) {

  static QueueScripts load() {
    String prelude = resource("prelude");
    return new QueueScripts(
        prelude + resource("enqueue"),
        prelude + resource("claim"),
        prelude + resource("renew"),
        prelude + resource("complete"),
        prelude + resource("fail"),
        prelude + resource("release"),
        prelude + resource("defer"),
        prelude + resource("reap"),
        prelude + resource("reap_runner"),
        prelude + resource("holders"),
        prelude + resource("requeue"),
        prelude + resource("running"),
        prelude + resource("dead"),
        prelude + resource("circuits"),
        prelude + resource("reset_circuit"),
        prelude + resource("oldest"));
  }

  private static String resource(String name) {
    try (InputStream in = QueueScripts.class.getResourceAsStream(name + ".lua")) {
      if (in == null) {
        throw new IllegalStateException("missing queue script " + name + ".lua");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
