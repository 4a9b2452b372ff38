package io.botburrow.queue;

/**
 * Protocol counters.
 *
 * @param redeliveries activations put back for another attempt (after a failure or an expired lease)
 * @param leaseExpirations leases that expired and were reaped
 * @param deadLetters activations dead-lettered
 */
public record QueueCounters(long redeliveries, long leaseExpirations, long deadLetters) {}
