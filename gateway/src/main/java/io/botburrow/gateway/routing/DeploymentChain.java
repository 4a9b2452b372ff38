package io.botburrow.gateway.routing;

import io.botburrow.gateway.stream.StreamSink;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ChatResponse;
import io.botburrow.llm.LlmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request to the first deployment of a chain that answers. A deployment resting after failures
 * or over its key's rate is skipped; one that fails with 429, 5xx, a timeout or a broken stream before
 * the first token rests ({@link Cooldowns}) and the next is tried. A {@code Retry-After} up to {@code
 * maxRetryWait} is waited out on the same deployment first, and other transient failures are tried
 * again twice after a short backoff. Refusals (other 4xx) end the call at once,
 * as every deployment would refuse them too. One deployment's tries are a {@link DeploymentAttempt}.
 */
public final class DeploymentChain {
  private static final Logger LOG = LoggerFactory.getLogger(DeploymentChain.class);

  /** Why a deployment did not serve the call. */
  public record Skip(String deployment, String reason) {}

  /** The answer, who served it, who did not and when its first piece arrived. */
  public record Served(ChatResponse response, Deployment deployment, List<Skip> skipped, Instant firstToken) {}

  /** Told when the chain moves from one deployment to the next. */
  public interface Listener {
    Listener NONE = (from, to, reason) -> {};

    void fellBack(Deployment from, Deployment to, String reason);
  }

  /** Admits a call on a deployment's key by its requests- and tokens-per-minute limits. */
  @FunctionalInterface
  public interface RateGate {
    RateGate OPEN = (deployment, tokens) -> true;

    boolean admit(Deployment deployment, long tokens);
  }

  /** Waits; tests pass one that only advances their clock. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final Cooldowns cooldowns;
  private final RateGate rates;
  private final Listener listener;
  private final Clock clock;
  private final DeploymentAttempt attempt;

  public DeploymentChain(ModelAdapters adapters, Cooldowns cooldowns, RateGate rates, Listener listener, Sleeper sleeper,
      Clock clock, Duration maxRetryWait) {
    this.cooldowns = cooldowns;
    this.rates = rates;
    this.listener = listener;
    this.clock = clock;
    this.attempt = new DeploymentAttempt(adapters, sleeper, new DeploymentFailures(maxRetryWait));
  }

  /**
   * Blocks until a deployment answered. {@code sink} null asks for a whole answer, else a stream.
   *
   * @param estimatedTokens the call's worst case, for the tokens-per-minute limits
   * @throws LlmException the refusal of a deployment (not retryable), or a retryable one when all failed
   */
  public Served call(List<Deployment> chain, ChatRequest request, StreamSink sink, long estimatedTokens) {
    var skipped = new ArrayList<Skip>();
    var resting = new ArrayList<Deployment>();
    LlmException last = null;
    Deployment previous = null;
    String previousReason = null;
    for (var deployment : chain) {
      if (!admitted(deployment, estimatedTokens, skipped, resting)) {
        continue;
      }
      if (previous != null) {
        listener.fellBack(previous, deployment, previousReason);
      }
      var tracker = sink == null ? null : new FirstTokenSink(sink, clock);
      try {
        return serve(deployment, request, tracker, skipped);
      } catch (LlmException e) {
        if (!e.retryable() || (tracker != null && tracker.started())) {
          throw e;
        }
        previousReason = rest(deployment, e);
        skipped.add(new Skip(deployment.name(), previousReason));
        previous = deployment;
        last = e;
      }
    }
    if (last == null && !resting.isEmpty()) {
      // every deployment rests: one try on the first beats refusing the call outright
      return serve(resting.get(0), request, sink == null ? null : new FirstTokenSink(sink, clock), skipped);
    }
    throw noneServed(request, skipped, last);
  }

  public Optional<Instant> restingUntil(String deployment) {
    return cooldowns.until(deployment);
  }

  /** Whether {@code deployment} may be tried now; if not, it joins the skipped (and the resting when it rests). */
  private boolean admitted(Deployment deployment, long estimatedTokens, List<Skip> skipped, List<Deployment> resting) {
    if (cooldowns.until(deployment.name()).isPresent()) {
      skipped.add(new Skip(deployment.name(), "cooldown"));
      resting.add(deployment);
      return false;
    }
    if (!rates.admit(deployment, estimatedTokens)) {
      skipped.add(new Skip(deployment.name(), "rate_limit"));
      return false;
    }
    return true;
  }

  private Served serve(Deployment deployment, ChatRequest request, FirstTokenSink tracker, List<Skip> skipped) {
    var response = attempt.answer(deployment, request, tracker);
    cooldowns.succeeded(deployment.name());
    var first = tracker == null ? null : tracker.first();
    return new Served(response, deployment, List.copyOf(skipped), first != null ? first : clock.instant());
  }

  /** Rests a deployment that failed; returns the reason of falling back from it. */
  private String rest(Deployment deployment, LlmException e) {
    var rest = cooldowns.failed(deployment.name(), e.retryAfter().orElse(null));
    var reason = DeploymentFailures.reason(e);
    LOG.warn("Deployment(name={}, model={}) failed ({}): {}; resting {} s", deployment.name(), deployment.model(),
        reason, e.getMessage(), rest.toSeconds());
    return reason;
  }

  private static LlmException noneServed(ChatRequest request, List<Skip> skipped, LlmException last) {
    var tried = skipped.stream().map(s -> s.deployment() + " (" + s.reason() + ")").toList();
    return new LlmException("no deployment could serve " + request.model() + ": " + String.join(", ", tried)
        + (last == null ? "" : "; last: " + last.getMessage()), last == null ? 503 : last.status(), true,
        last == null ? null : last.retryAfter().orElse(null), last);
  }
}
