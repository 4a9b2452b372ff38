package io.botburrow.devkit.llm;

import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatRequest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The queued answers: per conversation key first (a key matches when a system message or the first
 * user message contains it: clients such as Codex send their own instructions first and the agent's
 * after them), then the global queue, then the default responder. Thread-safe.
 */
final class ScriptBook {
  private final Map<String, Deque<ScriptedTurn>> byKey = new LinkedHashMap<>();
  private final Deque<ScriptedTurn> global = new ArrayDeque<>();
  private ScriptedResponder defaultResponder;

  synchronized void enqueue(ScriptedTurn turn) {
    global.addLast(turn);
  }

  synchronized void enqueue(String key, ScriptedTurn turn) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("conversation key must not be empty");
    }
    byKey.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(turn);
  }

  synchronized void defaultResponder(ScriptedResponder responder) {
    this.defaultResponder = responder;
  }

  synchronized int pending() {
    return global.size() + byKey.values().stream().mapToInt(Deque::size).sum();
  }

  synchronized void clear() {
    global.clear();
    byKey.clear();
  }

  /** The next answer for {@code request}, or empty when nothing is scripted and no default is set. */
  Optional<ScriptedTurn> next(ChatRequest request) {
    ScriptedResponder responder;
    synchronized (this) {
      var scripted = nextScripted(request);
      if (scripted != null) {
        return Optional.of(scripted);
      }
      responder = defaultResponder;
    }
    // outside the lock: a responder may be slow, and requests of other conversations must not wait
    return Optional.ofNullable(responder).map(r -> r.respond(request));
  }

  private ScriptedTurn nextScripted(ChatRequest request) {
    var system = String.join("\n", request.messages().stream().filter(ChatMessage.System.class::isInstance)
        .map(message -> ((ChatMessage.System) message).content()).toList());
    var firstUser = request.messages().stream().filter(ChatMessage.User.class::isInstance).findFirst()
        .map(message -> ((ChatMessage.User) message).content()).orElse("");
    for (var entry : byKey.entrySet()) {
      var key = entry.getKey();
      if (!entry.getValue().isEmpty() && (system.contains(key) || firstUser.contains(key))) {
        return entry.getValue().pollFirst();
      }
    }
    return global.pollFirst();
  }
}
