package io.botburrow.gateway.routing;

import io.botburrow.gateway.stream.ResponseAssembler;
import io.botburrow.gateway.stream.StreamSink;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ChatResponse;
import io.botburrow.llm.LlmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request to the first deployment of a chain that answers. A deployment resting after failures
 * or over its key's rate is skipped; one that fails with 429, 5xx, a timeout or a broken stream before
 * the first token rests ({@link Cooldowns}) and the next is tried. A {@code Retry-After} up to {@code
 * maxRetryWait} is waited out on the same deployment first, and other transient failures are tried
 * again twice after a short backoff. Refusals (other 4xx) end the call at once,
 * as every deployment would refuse them too.
 */
public final class DeploymentChain {
  private static final Logger LOG = LoggerFactory.getLogger(DeploymentChain.class);
  /** Tries of a deployment after a transient failure without Retry-After, before it rests. */
  static final int TRANSIENT_RETRIES = 2;
  private static final Duration TRANSIENT_BACKOFF = Duration.ofMillis(250);

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

  private final ModelAdapters adapters;
  private final Cooldowns cooldowns;
  private final RateGate rates;
  private final Listener listener;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Duration maxRetryWait;

  public DeploymentChain(ModelAdapters adapters, Cooldowns cooldowns, RateGate rates, Listener listener, Sleeper sleeper,
      Clock clock, Duration maxRetryWait) {
    this.adapters = adapters;
    this.cooldowns = cooldowns;
    this.rates = rates;
    this.listener = listener;
    this.sleeper = sleeper;
    this.clock = clock;
    this.maxRetryWait = maxRetryWait;
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
      if (cooldowns.until(deployment.name()).isPresent()) {
        skipped.add(new Skip(deployment.name(), "cooldown"));
        resting.add(deployment);
        continue;
      }
      if (!rates.admit(deployment, estimatedTokens)) {
        skipped.add(new Skip(deployment.name(), "rate_limit"));
        continue;
      }
      if (previous != null) {
        listener.fellBack(previous, deployment, previousReason);
      }
      var first = new Instant[1];
      var tracker = sink == null ? null : new FirstTokenSink(sink, first, clock);
      try {
        var response = attempt(deployment, request, tracker);
        cooldowns.succeeded(deployment.name());
        return new Served(response, deployment, List.copyOf(skipped), first[0] != null ? first[0] : clock.instant());
      } catch (LlmException e) {
        if (!e.retryable() || (tracker != null && tracker.started())) {
          throw e;
        }
        var rest = cooldowns.failed(deployment.name(), e.retryAfter().orElse(null));
        previousReason = reason(e);
        LOG.warn("Deployment(name={}, model={}) failed ({}): {}; resting {} s", deployment.name(), deployment.model(),
            previousReason, e.getMessage(), rest.toSeconds());
        skipped.add(new Skip(deployment.name(), previousReason));
        previous = deployment;
        last = e;
      }
    }
    if (last == null && !resting.isEmpty()) {
      // every deployment rests: one try on the first beats refusing the call outright
      var deployment = resting.get(0);
      var first = new Instant[1];
      var response = attempt(deployment, request, sink == null ? null : new FirstTokenSink(sink, first, clock));
      cooldowns.succeeded(deployment.name());
      return new Served(response, deployment, List.copyOf(skipped), first[0] != null ? first[0] : clock.instant());
    }
    var tried = skipped.stream().map(s -> s.deployment() + " (" + s.reason() + ")").toList();
    throw new LlmException("no deployment could serve " + request.model() + ": " + String.join(", ", tried)
        + (last == null ? "" : "; last: " + last.getMessage()), last == null ? 503 : last.status(), true,
        last == null ? null : last.retryAfter().orElse(null), last);
  }

  /**
   * One deployment, with its own retries: a {@code Retry-After} up to {@code maxRetryWait} is waited
   * out, and a transient failure without one (5xx, timeout, connection) is tried again after a short
   * backoff, {@link #TRANSIENT_RETRIES} times, as long as no token has been passed on.
   */
  private ChatResponse attempt(Deployment deployment, ChatRequest request, FirstTokenSink sink) {
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
        var wait = retryWait(e, retry);
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

  /** How long to wait before trying the same deployment again, or null to give up on it. */
  private Duration retryWait(LlmException e, int retriesDone) {
    if (!e.retryable()) {
      return null;
    }
    var wait = e.retryAfter().orElse(null);
    if (wait != null) {
      return retriesDone == 0 && wait.compareTo(maxRetryWait) <= 0 ? wait : null;
    }
    if (e.status() == 429 || retriesDone >= TRANSIENT_RETRIES) {
      return null;
    }
    return TRANSIENT_BACKOFF.multipliedBy(1L << retriesDone);
  }

  public java.util.Optional<Instant> restingUntil(String deployment) {
    return cooldowns.until(deployment);
  }

  /** The fallback reason of a retryable failure, as metrics name it. */
  static String reason(LlmException e) {
    if (e.status() == 429) {
      return "rate_limited";
    }
    if (e.status() >= 500) {
      return "server_error";
    }
    var message = e.getMessage() == null ? "" : e.getMessage();
    if (message.contains("timed out")) {
      return "timeout";
    }
    if (message.contains("stream")) {
      return "stream_error";
    }
    return e.status() == 0 ? "unreachable" : "status_" + e.status();
  }

  /** Notes when the first piece of the answer passed. */
  private static final class FirstTokenSink implements StreamSink {
    private final StreamSink downstream;
    private final ResponseAssembler passed;
    private final Instant[] first;
    private final Clock clock;

    FirstTokenSink(StreamSink downstream, Instant[] first, Clock clock) {
      this.downstream = downstream;
      this.passed = new ResponseAssembler(downstream);
      this.first = first;
      this.clock = clock;
    }

    boolean started() {
      return passed.started();
    }

    private void mark() {
      if (first[0] == null) {
        first[0] = clock.instant();
      }
    }

    @Override
    public void text(String delta) {
      mark();
      passed.text(delta);
    }

    @Override
    public void toolCallStarted(int index, String id, String name) {
      mark();
      passed.toolCallStarted(index, id, name);
    }

    @Override
    public void toolCallArguments(int index, String delta) {
      passed.toolCallArguments(index, delta);
    }

    @Override
    public void serving(String model) {
      downstream.serving(model);
    }

    @Override
    public void flush() {
      passed.flush();
    }
  }
}
