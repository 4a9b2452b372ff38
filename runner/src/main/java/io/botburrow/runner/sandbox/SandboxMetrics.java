package io.botburrow.runner.sandbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sandbox metrics, fed by {@link SandboxEvents}:
 *
 * <ul>
 *   <li>{@code botburrow_sandbox_start_seconds{mode=warm|cold}}: acquire until ready;
 *   <li>{@code botburrow_sandbox_pool_size{image}}: idle warm containers;
 *   <li>{@code botburrow_sandbox_pool_hits_total} / {@code _misses_total}: acquisitions served warm / cold;
 *   <li>{@code botburrow_sandbox_oom_kills_total}, {@code botburrow_sandbox_pids_exhausted_total},
 *       {@code botburrow_sandbox_timeouts_total}: commands that hit a limit;
 *   <li>{@code botburrow_sandbox_reaped_total}: orphaned containers removed.
 * </ul>
 */
public final class SandboxMetrics implements SandboxEvents {
  private final MeterRegistry registry;
  private final Timer warmStarts;
  private final Timer coldStarts;
  private final Counter hits;
  private final Counter misses;
  private final Counter oomKills;
  private final Counter pidsExhausted;
  private final Counter timeouts;
  private final Counter reaped;
  private final Map<String, AtomicInteger> poolSizes = new ConcurrentHashMap<>();

  public SandboxMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.warmStarts = startTimer("warm");
    this.coldStarts = startTimer("cold");
    this.hits = Counter.builder("botburrow.sandbox.pool.hits").description("Sandboxes handed out from the warm pool")
        .register(registry);
    this.misses = Counter.builder("botburrow.sandbox.pool.misses").description("Sandboxes created on demand")
        .register(registry);
    this.oomKills = Counter.builder("botburrow.sandbox.oom.kills").description("Commands killed at the memory limit")
        .register(registry);
    this.pidsExhausted = Counter.builder("botburrow.sandbox.pids.exhausted")
        .description("Commands that hit the process limit").register(registry);
    this.timeouts = Counter.builder("botburrow.sandbox.timeouts").description("Commands killed at their timeout")
        .register(registry);
    this.reaped = Counter.builder("botburrow.sandbox.reaped").description("Orphaned sandbox containers removed")
        .register(registry);
  }

  private Timer startTimer(String mode) {
    return Timer.builder("botburrow.sandbox.start").description("Time until a sandbox can run a command")
        .tag("mode", mode).publishPercentileHistogram().register(registry);
  }

  @Override
  public void acquired(SandboxRequest request, boolean warm, long millis) {
    (warm ? warmStarts : coldStarts).record(Duration.ofMillis(millis));
    (warm ? hits : misses).increment();
  }

  @Override
  public void commandEnded(SandboxRequest request, ExecResult result) {
    switch (result.termination()) {
      case OOM_KILLED -> oomKills.increment();
      case PIDS_EXHAUSTED -> pidsExhausted.increment();
      case TIMED_OUT -> timeouts.increment();
      case EXITED -> { }
    }
  }

  @Override
  public void reaped(String containerId) {
    reaped.increment();
  }

  @Override
  public void poolSize(String image, int size) {
    poolSizes.computeIfAbsent(image, key -> {
      AtomicInteger value = new AtomicInteger();
      Gauge.builder("botburrow.sandbox.pool.size", value, AtomicInteger::get)
          .description("Idle warm sandbox containers").tag("image", key).register(registry);
      return value;
    }).set(size);
  }
}
