package io.botburrow.runner.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.activation.Activation;
import io.botburrow.audit.AuditEntry;
import io.botburrow.audit.AuditProperties;
import io.botburrow.audit.memory.InMemoryAuditLog;
import io.botburrow.llm.ChatModel;
import io.botburrow.llm.ChatResponse;
import io.botburrow.llm.Usage;
import io.botburrow.runner.agent.NativeAgentLoop;
import io.botburrow.runner.llm.ChatModelSource;
import io.botburrow.runner.llm.ModelCallObserver;
import io.botburrow.runner.llm.ModelRoute;
import io.botburrow.secrets.Redactor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A CLI agent's model calls reach the trail through the activation's meter, as the gateway front tells them. */
class CliModelCallsAuditTest {
  private final InMemoryAuditLog log = new InMemoryAuditLog();
  private final ChatModelSource prices = new ChatModelSource() {
    public ChatModel model(ModelRoute route, Scope scope) {
      throw new UnsupportedOperationException();
    }

    public double cost(String model, Usage usage) {
      return 0.02;
    }
  };

  @Test
  void aCallServedByTheGatewayFrontIsRecordedWithItsDeploymentAndFallbacksAndStillCounted() {
    AuditRecorder recorder = new AuditRecorder(log, null, AuditProperties.defaults(), Redactor.none(),
        new AuditMetrics(new SimpleMeterRegistry()), Clock.systemUTC());
    ActivationAudit audit = recorder.open(Activation.notification("coder", "1 unread", List.of(), Clock.systemUTC().instant()), prices);
    List<Long> counted = new ArrayList<>();
    NativeAgentLoop.CallMeter meter = audit.metering((model, usage, cost) -> counted.add(usage.total()));

    meter.called("claude-sonnet-4", new Usage(100, 20), 0.02);
    ((ModelCallObserver) meter).served(null, new ChatResponse("done", List.of(), new Usage(100, 20), "end_turn", "claude-sonnet-4"),
        "anthropic-primary", List.of(new ModelCallObserver.Skipped("anthropic-eu", "429 rate limited")), null);

    assertThat(counted).containsExactly(120L);
    AuditEntry call = log.read(LocalDate.now(ZoneOffset.UTC)).getLast();
    assertThat(call.type()).isEqualTo("model_call");
    var data = call.record().path("data");
    assertThat(data.path("served_by").asText()).isEqualTo("anthropic-primary");
    assertThat(data.path("request_sha256").isNull()).isTrue();
    assertThat(data.path("fallbacks").get(0).path("reason").asText()).isEqualTo("429 rate limited");
    assertThat(data.path("input_tokens").asLong()).isEqualTo(100);
  }

  @Test
  void theSandboxOfAnActivationIsRecordedInItsTrailUntilItEnds() {
    AuditRecorder recorder = new AuditRecorder(log, null, AuditProperties.defaults(), Redactor.none(),
        new AuditMetrics(new SimpleMeterRegistry()), Clock.systemUTC());
    Activation a = Activation.notification("coder", "1 unread", List.of(), Clock.systemUTC().instant());
    ActivationAudit audit = recorder.open(a, prices);
    var request = new io.botburrow.runner.sandbox.SandboxRequest(a.id().value(), "coder", "botburrow/agent-sandbox:latest",
        new io.botburrow.runner.sandbox.SandboxLimits(1.0, 512L << 20, 128, 256L << 20), Clock.systemUTC().instant().plusSeconds(60));
    var events = recorder.sandboxEvents();

    events.acquired(request, true, 12);
    events.commandEnded(request, new io.botburrow.runner.sandbox.ExecResult(137, "", "Killed", false, false, true, false));
    audit.finished("success", "done", "completed", 0, 0, 0, java.time.Duration.ofMillis(50));
    events.closed(request);

    List<AuditEntry> trail = log.read(LocalDate.now(ZoneOffset.UTC));
    assertThat(trail).extracting(AuditEntry::type).containsExactly("started", "sandbox", "sandbox", "finished");
    assertThat(trail.get(1).record().path("data").path("warm").asBoolean()).isTrue();
    var command = trail.get(2).record().path("data");
    assertThat(command.path("event").asText()).isEqualTo("command");
    assertThat(command.path("exit_code").asInt()).isEqualTo(137);
    assertThat(command.path("termination").asText()).isEqualTo("oom_killed");
  }
}
