package io.botburrow.queue;

import io.botburrow.testing.MutableClock;
import java.util.function.LongConsumer;

/**
 * One adapter's implementations of the queue ports, sharing one backend and one test clock, and what
 * a leader election does on gaining a term ({@code startTerm}: from then on only its token is accepted).
 */
public record QueueFixture(
    ActivationQueue queue,
    ActivationClaims claims,
    QueueAdmin admin,
    LeaseReaper reaper,
    EffectLedger ledger,
    MutableClock clock,
    QueueSettings settings,
    LongConsumer startTerm) {}
