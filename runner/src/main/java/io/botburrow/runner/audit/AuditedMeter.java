package io.botburrow.runner.audit;

import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ChatResponse;
import io.botburrow.llm.Usage;
import io.botburrow.runner.agent.NativeAgentLoop;
import io.botburrow.runner.llm.ModelCallObserver;
import java.time.Duration;
import java.util.List;

/**
 * An activation's call meter that also records in its audit trail the model calls a CLI agent makes through the
 * runner's gateway front.
 */
final class AuditedMeter implements NativeAgentLoop.CallMeter, ModelCallObserver {
  private final NativeAgentLoop.CallMeter next;
  private final ActivationAudit audit;

  AuditedMeter(NativeAgentLoop.CallMeter next, ActivationAudit audit) {
    this.next = next;
    this.audit = audit;
  }

  @Override
  public void called(String model, Usage usage, double costUsd) {
    next.called(model, usage, costUsd);
  }

  @Override
  public void served(ChatRequest request, ChatResponse response, String deployment, List<Skipped> skipped,
      Duration took) {
    audit.served(request, response, deployment, skipped, took);
  }
}
