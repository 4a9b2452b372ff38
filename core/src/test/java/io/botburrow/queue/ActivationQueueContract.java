package io.botburrow.queue;

/**
 * The activation protocol every queue adapter must honour. An adapter's test implements this and
 * provides a fresh {@link QueueFixture} per test.
 */
public interface ActivationQueueContract
    extends EnqueueContract, ClaimContract, LeaseContract, FailureContract, TriggerContract, TenantContract {}
