package io.botburrow.queue;

import io.botburrow.testing.MutableClock;

/** One adapter's implementations of the queue ports, sharing one backend and one test clock. */
public record QueueFixture(
    ActivationQueue queue,
    ActivationClaims claims,
    QueueAdmin admin,
    LeaseReaper reaper,
    EffectLedger ledger,
    MutableClock clock,
    QueueSettings settings) {}
