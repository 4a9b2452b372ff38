package io.botburrow.runner;

import io.botburrow.activation.RunnerPool;
import io.botburrow.llm.Usage;
import io.botburrow.queue.ActivationQueue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The runner's meters: activations by outcome, duration, tokens, queue depth and busy slots. */
public class RunnerMetrics {
  /** Where a runner thread can survive an exception. */
  public static final java.util.List<String> ERROR_STAGES = java.util.List.of("claim", "slot", "activation", "settle", "heartbeat");
  private final MeterRegistry registry;
  private final AtomicInteger busy;
  private final String tenant;

  public RunnerMetrics(MeterRegistry registry, ActivationQueue queue, RunnerPool pool) {
    this.registry = registry;
    this.busy = new AtomicInteger();
    this.tenant = io.botburrow.activation.Activation.DEFAULT_TENANT;
    Gauge.builder("botburrow.runner.queue.depth", () -> depth(queue, pool))
        .description("Pending activations claimable by the pool")
        .tag("pool", pool.wireName())
        .register(registry);
    // exported at 0 from the start, so that an alert on their rate sees the first error
    for (String stage : ERROR_STAGES) {
      errors(stage);
    }
    // tagged with the pool, so that an autoscaler adds up the running work of one pool's pods
    Gauge.builder("botburrow.runner.slots.busy", busy, AtomicInteger::get)
        .description("Activations running on this runner")
        .tag("pool", pool.wireName())
        .register(registry);
  }

  private RunnerMetrics(RunnerMetrics of, String tenant) {
    this.registry = of.registry;
    this.busy = of.busy;
    this.tenant = tenant;
  }

  /** These meters as one tenant's activations record them: each per-agent meter labelled with the tenant. */
  public RunnerMetrics forTenant(String tenantName) {
    return new RunnerMetrics(this, tenantName);
  }

  public void activation(String agent, String toolType, String status, Duration duration, Usage usage) {
    Counter.builder("botburrow.activations")
        .description("Finished activations by outcome")
        .tags("agent", agent, "tool_type", toolType, "status", status, "tenant", tenant)
        .register(registry)
        .increment();
    Timer.builder("botburrow.activation.duration")
        .description("Wall-clock time of an activation")
        .tags("agent", agent, "tool_type", toolType, "tenant", tenant)
        .publishPercentileHistogram()
        .register(registry)
        .record(duration);
    tokens(agent, tenant, toolType, "input", usage.inputTokens());
    tokens(agent, tenant, toolType, "output", usage.outputTokens());
  }

  /**
   * A tool call an agent made, in the native loop or through the MCP gateway.
   *
   * @param status {@code ok}, {@code error} (an error result) or {@code failed} (the tool threw)
   */
  public void toolCall(String agent, String toolType, String tool, String status) {
    Counter.builder("botburrow.tool.calls")
        .description("Tool calls by agent, tool and outcome")
        .tags("agent", agent, "tool_type", toolType, "tool", tool, "status", status, "tenant", tenant)
        .register(registry)
        .increment();
  }

  public void stage(String stage, Duration latency) {
    Timer.builder("botburrow.activation.stage")
        .description("Latency of activation stages (queued, first_token ...)")
        .tag("stage", stage)
        .register(registry)
        .record(latency);
  }

  /** An exception a runner thread survived, by where it happened (claim, slot, activation, settle, heartbeat). */
  public void error(String stage) {
    errors(stage).increment();
  }

  private Counter errors(String stage) {
    return Counter.builder("botburrow.runner.errors")
        .description("Exceptions the runner's slots and heartbeat survived, by stage")
        .tag("stage", stage)
        .register(registry);
  }

  public void busy(int delta) {
    busy.addAndGet(delta);
  }

  private void tokens(String agent, String tenant, String toolType, String direction, long n) {
    Counter.builder("botburrow.tokens")
        .description("LLM tokens as reported by the provider")
        .tags("agent", agent, "tenant", tenant, "tool_type", toolType, "direction", direction)
        .register(registry)
        .increment(n);
  }

  private static double depth(ActivationQueue queue, RunnerPool pool) {
    try {
      return queue.depth(pool);
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }
}
