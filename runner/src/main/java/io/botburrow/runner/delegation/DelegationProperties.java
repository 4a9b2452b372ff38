package io.botburrow.runner.delegation;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Delegation between agents. The allow-lists ({@code botburrow.delegation.allow.<agent>}) are read raw
 * by the factory, so agent names keep their spelling.
 *
 * @param maxDepth how many hand-overs one chain may hold
 * @param resultWait how long the {@code delegate} tool waits for the answer before it comes as a follow-up
 */
@ConfigurationProperties("botburrow.delegation")
public record DelegationProperties(
    @Bindable(defaultValue = "3") int maxDepth,
    @Bindable(defaultValue = "60s") Duration resultWait) {}
