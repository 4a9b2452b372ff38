package io.botburrow.queue;

/** What an enqueue did. */
public enum EnqueueResult {
  /** A new pending activation was created. */
  ENQUEUED,
  /** A pending activation for the same (agent, kind) already existed; nothing was added. */
  ALREADY_PENDING,
  /** A trigger with the same idempotency key was accepted within its dedup window; nothing was added. */
  DUPLICATE,
  /** The agent's circuit is open; nothing was added. */
  CIRCUIT_OPEN
}
