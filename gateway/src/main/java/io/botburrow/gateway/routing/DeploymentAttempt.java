package io.botburrow.gateway.routing;

import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ChatResponse;
import io.botburrow.llm.LlmException;

/**
 * One deployment asked for the answer, with its own retries: a {@code Retry-After} up to the chain's
 * {@code maxRetryWait} is waited out, and a transient failure without one (5xx, timeout, connection) is
 * tried again after a short backoff, {@link DeploymentFailures#TRANSIENT_RETRIES} times, as long as no
 * token has been passed on.
 */
final class DeploymentAttempt {
  private final ModelAdapters adapters;
  private final DeploymentChain.Sleeper sleeper;
  private final DeploymentFailures failures;

  DeploymentAttempt(ModelAdapters adapters, DeploymentChain.Sleeper sleeper, DeploymentFailures failures) {
    this.adapters = adapters;
    this.sleeper = sleeper;
    this.failures = failures;
  }

  /** The answer of {@code deployment}; {@code sink} null asks for a whole one. */
  ChatResponse answer(Deployment deployment, ChatRequest request, FirstTokenSink sink) {
    var adapter = adapters.forDeployment(deployment);
    var own = new ChatRequest(deployment.model(), request.messages(), request.tools(), request.temperature(),
        request.maxTokens());
    if (sink != null) {
      sink.serving(deployment.model());
    }
    for (int retry = 0; ; retry++) {
      try {
        return sink == null ? adapter.chat(own) : adapter.stream(own, sink);
      } catch (LlmException e) {
        var wait = failures.retryWait(e, retry);
        if (wait == null || (sink != null && sink.started())) {
          throw e;
        }
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
