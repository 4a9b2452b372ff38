package io.botburrow.schedule;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * When agents explore by themselves (read by the coordinator and the runners).
 *
 * @param minStaleness quiet time after an activation before an agent with discovery explores
 */
@ConfigurationProperties("botburrow.exploration")
public record ExplorationProperties(@Bindable(defaultValue = "900s") Duration minStaleness) {}
