package io.botburrow.runner.executor;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * {@code botburrow.executor.*}: the CLI executors (they need the Docker sandbox).
 *
 * @param enabled run CLI agents ({@code claude-code}, {@code codex}) when the sandbox is enabled
 * @param claudeCodeImage the image {@code claude-code} agents run in (the operator's, never the agent's)
 * @param codexImage the image {@code codex} agents run in
 * @param claudeCodePoolSize warm {@code claude-code} sandboxes kept ready (0: each activation starts one);
 *     they serve definitions whose sandbox limits match the runner's pool limits
 */
@ConfigurationProperties("botburrow.executor")
public record ExecutorProperties(
    @Bindable(defaultValue = "true") boolean enabled,
    @Bindable(defaultValue = "botburrow/claude-code:latest") @NotBlank String claudeCodeImage,
    @Bindable(defaultValue = "botburrow/codex:latest") @NotBlank String codexImage,
    @Bindable(defaultValue = "0") @Min(0) @Max(64) int claudeCodePoolSize) {}
