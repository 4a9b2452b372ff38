package io.botburrow.runner.sandbox.docker;

import io.botburrow.runner.sandbox.SandboxLimits;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;

/**
 * {@code botburrow.sandbox.*}: the Docker sandbox, its warm pool, the reaper and MCP sidecars.
 *
 * @param enabled create the sandbox beans at all
 * @param dockerHost engine address; empty uses {@code DOCKER_HOST} or the local socket
 * @param runnerId id written on containers; empty derives one from the host name
 * @param image default sandbox image (the warm pool's image)
 * @param poolSize warm containers kept ready for {@code image}
 * @param cpus default CPU limit
 * @param memoryBytes default memory limit (swap disabled)
 * @param pidsLimit default process limit
 * @param tmpfsBytes size of {@code /tmp} and of the workspace
 * @param uid user id commands run as (never 0)
 * @param gid group id commands run as (never 0)
 * @param poolContainerTtl how long a warm container may wait
 * @param reaperPeriod how often orphans are looked for
 * @param mcpRequestTimeout timeout of MCP initialize and calls
 * @param attachDir host directory under which each sandbox gets directories of its own (the runner's
 *     sockets, the agent's memory), bind-mounted when it is made; the Docker engine must see the same path
 * @param stdioCommands run commands over the sandbox's stdio (milliseconds); false runs every
 *     command through {@code docker exec}
 */
@ConfigurationProperties("botburrow.sandbox")
public record SandboxProperties(
    @Bindable(defaultValue = "true") boolean enabled,
    @Nullable String dockerHost,
    @Nullable String runnerId,
    @Bindable(defaultValue = DEFAULT_IMAGE) @NotBlank String image,
    @Bindable(defaultValue = "2") @Min(0) @Max(64) int poolSize,
    @Bindable(defaultValue = "1.0") double cpus,
    @Bindable(defaultValue = "536870912") @Min(6291456) long memoryBytes,
    @Bindable(defaultValue = "128") @Min(8) long pidsLimit,
    @Bindable(defaultValue = "268435456") @Min(1048576) long tmpfsBytes,
    @Bindable(defaultValue = "1000") @Min(1) int uid,
    @Bindable(defaultValue = "1000") @Min(1) int gid,
    @Bindable(defaultValue = "2h") Duration poolContainerTtl,
    @Bindable(defaultValue = "60s") Duration reaperPeriod,
    @Bindable(defaultValue = "60s") Duration mcpRequestTimeout,
    @Bindable(defaultValue = "true") boolean stdioCommands,
    @Bindable(defaultValue = "/tmp/botburrow-sandboxes") @NotBlank String attachDir) {

  public static final String DEFAULT_IMAGE = "botburrow/agent-sandbox:latest";

  public SandboxLimits limits() {
    return new SandboxLimits(cpus, memoryBytes, pidsLimit, tmpfsBytes);
  }
}
