package io.botburrow.queue.memory;

import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The pending activations of the in-memory queue: at most one per dedup slot (the agent for Hub
 * kinds, agent and trigger key for keyed kinds), ordered per kind by an order number (enqueue time
 * first). Not thread-safe; the queue guards it.
 */
final class PendingWork {
  private record Slot(long order, String id, String agent) {}

  private static final Comparator<Slot> ORDER =
      Comparator.comparingLong(Slot::order).thenComparing(Slot::id);

  private final Map<ActivationKind, TreeSet<Slot>> order = new EnumMap<>(ActivationKind.class);
  private final Map<ActivationKind, Map<String, Slot>> slots = new EnumMap<>(ActivationKind.class);
  private final Map<ActivationKind, Map<String, Activation>> activations = new EnumMap<>(ActivationKind.class);

  PendingWork() {
    for (ActivationKind kind : ActivationKind.values()) {
      order.put(kind, new TreeSet<>(ORDER));
      slots.put(kind, new HashMap<>());
      activations.put(kind, new HashMap<>());
    }
  }

  /** The dedup slot of an activation: its agent, or for keyed kinds its agent and trigger key. */
  static String slotOf(Activation activation) {
    return activation.kind().keyed()
        ? activation.queueKey() + '\u0000' + activation.trigger().key()
        : activation.queueKey();
  }

  Optional<Activation> get(String slot, ActivationKind kind) {
    return Optional.ofNullable(activations.get(kind).get(slot));
  }

  /** Adds or replaces the pending activation of its slot at {@code orderNumber}. */
  void put(Activation activation, long orderNumber) {
    String id = slotOf(activation);
    remove(id, activation.kind());
    Slot slot = new Slot(orderNumber, id, activation.queueKey());
    order.get(activation.kind()).add(slot);
    slots.get(activation.kind()).put(id, slot);
    activations.get(activation.kind()).put(id, activation);
  }

  /** Makes {@code activation} pending again, absorbing a follow-up of the same (agent, kind). */
  void putBack(Activation activation, long orderNumber) {
    if (activation.kind().keyed()) {
      put(activation, orderNumber);
      return;
    }
    Optional<Activation> followUp = get(activation.queueKey(), activation.kind());
    if (followUp.isPresent()) {
      activation = mergeIds(activation, followUp.get());
      orderNumber = Math.min(orderNumber, orderOf(activation.queueKey(), activation.kind()).orElse(orderNumber));
    }
    put(activation, orderNumber);
  }

  /** Replaces the activation, keeping its place. */
  void update(Activation activation) {
    activations.get(activation.kind()).put(slotOf(activation), activation);
  }

  Optional<Long> orderOf(String slot, ActivationKind kind) {
    return Optional.ofNullable(slots.get(kind).get(slot)).map(Slot::order);
  }

  Optional<Activation> remove(String id, ActivationKind kind) {
    Slot slot = slots.get(kind).remove(id);
    if (slot == null) {
      return Optional.empty();
    }
    order.get(kind).remove(slot);
    return Optional.ofNullable(activations.get(kind).remove(id));
  }

  /** Order number of the first pending activation of {@code kind} whose agent passes {@code claimable}. */
  Optional<Long> firstOrder(ActivationKind kind, Predicate<String> claimable) {
    return order.get(kind).stream()
        .filter(slot -> claimable.test(slot.agent()))
        .findFirst()
        .map(Slot::order);
  }

  /** The first pending activation of {@code kind}, in order, whose agent passes {@code claimable}. */
  Optional<Activation> first(ActivationKind kind, Predicate<String> claimable) {
    return order.get(kind).stream()
        .filter(slot -> claimable.test(slot.agent()))
        .findFirst()
        .map(slot -> activations.get(kind).get(slot.id()));
  }

  Optional<Long> lowestOrder(ActivationKind kind) {
    TreeSet<Slot> queue = order.get(kind);
    return queue.isEmpty() ? Optional.empty() : Optional.of(queue.first().order());
  }

  int size(ActivationKind kind) {
    return activations.get(kind).size();
  }

  /** Oldest enqueue time among the pending activations of {@code kind}. */
  Optional<Activation> oldest(ActivationKind kind) {
    return activations.get(kind).values().stream().min(Comparator.comparing(Activation::enqueuedAt));
  }

  /** {@code into} with the notification ids of {@code from} appended (duplicates dropped). */
  static Activation mergeIds(Activation into, Activation from) {
    if (from.notificationIds().isEmpty()) {
      return into;
    }
    LinkedHashSet<String> ids = new LinkedHashSet<>(into.notificationIds());
    ids.addAll(from.notificationIds());
    if (ids.size() == into.notificationIds().size()) {
      return into;
    }
    return new Activation(
        into.id(), into.agent(), into.kind(), into.reason(), into.enqueuedAt(), into.attempt(),
        List.copyOf(ids), into.staleSince(), into.trigger(), into.tenant());
  }
}
