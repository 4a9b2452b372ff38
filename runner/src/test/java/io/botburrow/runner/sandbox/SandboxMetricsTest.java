package io.botburrow.runner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SandboxMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final SandboxMetrics metrics = new SandboxMetrics(registry);
  private final SandboxRequest request = new SandboxRequest("act", "agent", "img", SandboxLimits.defaults(), Instant.EPOCH);

  @Test
  void recordsStartTimesByModeAndPoolHitsAndMisses() {
    metrics.acquired(request, true, 12);
    metrics.acquired(request, true, 14);
    metrics.acquired(request, false, 300);
    assertThat(registry.get("botburrow.sandbox.start").tag("mode", "warm").timer().count()).isEqualTo(2);
    assertThat(registry.get("botburrow.sandbox.start").tag("mode", "cold").timer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
        .isEqualTo(300);
    assertThat(registry.get("botburrow.sandbox.pool.hits").counter().count()).isEqualTo(2);
    assertThat(registry.get("botburrow.sandbox.pool.misses").counter().count()).isEqualTo(1);
  }

  @Test
  void countsLimitHitsReapsAndPoolSizePerImage() {
    metrics.commandEnded(request, new ExecResult(137, "", "", false, false, true, false));
    metrics.commandEnded(request, new ExecResult(0, "", "", false, false, false, true));
    metrics.commandEnded(request, new ExecResult(137, "", "", false, true, false, false));
    metrics.commandEnded(request, new ExecResult(1, "", "", false, false, false, false));
    metrics.reaped("c1");
    metrics.poolSize("botburrow/agent-sandbox:latest", 3);
    metrics.poolSize("botburrow/agent-sandbox:latest", 2);
    assertThat(registry.get("botburrow.sandbox.oom.kills").counter().count()).isEqualTo(1);
    assertThat(registry.get("botburrow.sandbox.pids.exhausted").counter().count()).isEqualTo(1);
    assertThat(registry.get("botburrow.sandbox.timeouts").counter().count()).isEqualTo(1);
    assertThat(registry.get("botburrow.sandbox.reaped").counter().count()).isEqualTo(1);
    assertThat(registry.get("botburrow.sandbox.pool.size").tag("image", "botburrow/agent-sandbox:latest").gauge().value())
        .isEqualTo(2);
  }

  @Test
  void theScrapeShowsTheDocumentedPrometheusNames() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    SandboxMetrics exported = new SandboxMetrics(prometheus);
    exported.acquired(request, true, 12);
    exported.acquired(request, false, 300);
    exported.commandEnded(request, new ExecResult(137, "", "", false, false, true, false));
    exported.reaped("c1");
    exported.poolSize("img", 1);
    assertThat(prometheus.scrape())
        .contains("botburrow_sandbox_start_seconds_count{mode=\"warm\"} 1")
        .contains("botburrow_sandbox_start_seconds_count{mode=\"cold\"} 1")
        .contains("botburrow_sandbox_pool_size{image=\"img\"} 1")
        .contains("botburrow_sandbox_pool_hits_total 1")
        .contains("botburrow_sandbox_pool_misses_total 1")
        .contains("botburrow_sandbox_oom_kills_total 1")
        .contains("botburrow_sandbox_reaped_total 1");
  }
}
