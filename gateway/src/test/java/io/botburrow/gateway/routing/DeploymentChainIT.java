package io.botburrow.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.devkit.llm.ScriptedLlmServer;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.gateway.GatewayTestAccess;
import io.botburrow.gateway.stream.StreamSink;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.LlmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fallback order, cooldown, Retry-After and stream errors against the scripted model server. */
class DeploymentChainIT {
  private final ScriptedLlmServer primary = new ScriptedLlmServer().start(0);
  private final ScriptedLlmServer backup = new ScriptedLlmServer().start(0);

  @AfterEach
  void stop() {
    primary.close();
    backup.close();
  }

  private Deployment a() {
    return new Deployment("a", "openai", primary.baseUrl(), "gpt-4o-mini", "");
  }

  private Deployment b() {
    return new Deployment("b", "anthropic", backup.anthropicBaseUrl(), "claude-3-5-haiku", "");
  }

  private static ChatRequest hello() {
    return new ChatRequest("smart", List.of(new ChatMessage.User("hello")), List.of(), 0.2, 100);
  }

  @Test
  void fallsBackInOrderAndLetsAFailedDeploymentCoolDown() {
    var kit = GatewayTestAccess.kit(Map.of("smart", List.of(a(), b())));
    primary.enqueue(failingEveryTry(ScriptedTurn.error(500, "boom")));
    backup.enqueue(ScriptedTurn.text("from b"), ScriptedTurn.text("b again"));

    var first = kit.call("smart", hello(), null);
    var second = kit.call("smart", hello(), null);

    assertThat(first.deployment().name()).isEqualTo("b");
    assertThat(first.response().content()).isEqualTo("from b");
    assertThat(first.skipped()).containsExactly(new DeploymentChain.Skip("a", "server_error"));
    assertThat(second.skipped()).containsExactly(new DeploymentChain.Skip("a", "cooldown"));
    assertThat(primary.requests()).hasSize(1 + DeploymentFailures.TRANSIENT_RETRIES);
    assertThat(kit.waits()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(kit.scrape()).contains("botburrow_llm_fallbacks_total{from=\"a\",reason=\"server_error\",to=\"b\"} 1.0");
  }

  @Test
  void aTransientFailureIsTriedAgainOnTheSameDeploymentBeforeItRests() {
    var kit = GatewayTestAccess.kit(Map.of("solo", List.of(a())));
    primary.enqueue(ScriptedTurn.error(503, "blip"), ScriptedTurn.text("back at once"));

    var served = kit.call("solo", hello(), null);

    assertThat(served.response().content()).isEqualTo("back at once");
    assertThat(kit.cooldownLeft("a")).isZero();
  }

  @Test
  void whenEveryDeploymentRestsTheFirstIsTriedAnyway() {
    var kit = GatewayTestAccess.kit(Map.of("solo", List.of(a())));
    primary.enqueue(failingEveryTry(ScriptedTurn.error(503, "blip")));
    primary.enqueue(ScriptedTurn.text("back"));

    assertThatThrownBy(() -> kit.call("solo", hello(), null)).isInstanceOf(LlmException.class);
    var served = kit.call("solo", hello(), null);

    assertThat(served.response().content()).isEqualTo("back");
    assertThat(kit.cooldownLeft("a")).isZero();
  }

  @Test
  void honoursRetryAfterOnTheSameDeploymentBeforeFallingBack() {
    var kit = GatewayTestAccess.kit(Map.of("smart", List.of(a(), b())));
    primary.enqueue(ScriptedTurn.error(429, "slow down").withHeader("Retry-After", "2"), ScriptedTurn.text("a ok"));

    var served = kit.call("smart", hello(), null);

    assertThat(served.deployment().name()).isEqualTo("a");
    assertThat(kit.waits()).containsExactly(Duration.ofSeconds(2));
    assertThat(backup.requests()).isEmpty();
  }

  @Test
  void aLongRetryAfterCoolsTheDeploymentDownForThatLong() {
    var kit = GatewayTestAccess.kit(Map.of("smart", List.of(a(), b())));
    primary.enqueue(ScriptedTurn.error(429, "quota").withHeader("Retry-After", "7200"));
    backup.enqueue(ScriptedTurn.text("b"));

    kit.call("smart", hello(), null);

    assertThat(kit.cooldownLeft("a")).isGreaterThan(Duration.ofMinutes(119));
  }

  @Test
  void aStreamThatBreaksBeforeTheFirstTokenFallsBack() {
    var kit = GatewayTestAccess.kit(Map.of("smart", List.of(a(), b())));
    primary.enqueue(failingEveryTry(ScriptedTurn.text("never seen").cutStreamAfter(0)));
    backup.enqueue(ScriptedTurn.text("streamed from b"));
    var pieces = new StringBuilder();

    var served = kit.call("smart", hello(), text(pieces));

    assertThat(served.deployment().name()).isEqualTo("b");
    assertThat(pieces).hasToString("streamed from b");
    assertThat(served.response().usage().outputTokens()).isPositive();
  }

  @Test
  void aStreamThatBreaksAfterTokensFailsWithoutFallingBack() {
    var kit = GatewayTestAccess.kit(Map.of("smart", List.of(a(), b())));
    primary.enqueue(ScriptedTurn.text("one two three four five six").cutStreamAfter(3));
    var pieces = new StringBuilder();

    assertThatThrownBy(() -> kit.call("smart", hello(), text(pieces))).isInstanceOf(LlmException.class)
        .hasMessageContaining("stream");
    assertThat(pieces.toString()).startsWith("one ");
    assertThat(backup.requests()).isEmpty();
  }

  @Test
  void aRefusedRequestIsNotRetriedElsewhere() {
    var kit = GatewayTestAccess.kit(Map.of("smart", List.of(a(), b())));
    primary.enqueue(ScriptedTurn.error(400, "bad"));

    assertThatThrownBy(() -> kit.call("smart", hello(), null)).isInstanceOf(LlmException.class)
        .matches(e -> !((LlmException) e).retryable());
    assertThat(backup.requests()).isEmpty();
  }

  /** The turn once for the first try and once for each transient retry of the same deployment. */
  private static ScriptedTurn[] failingEveryTry(ScriptedTurn turn) {
    var turns = new ScriptedTurn[1 + DeploymentFailures.TRANSIENT_RETRIES];
    java.util.Arrays.fill(turns, turn);
    return turns;
  }

  private static StreamSink text(StringBuilder out) {
    var pieces = new ArrayList<String>();
    return new StreamSink() {
      @Override
      public void text(String delta) {
        pieces.add(delta);
        out.append(delta);
      }

      @Override
      public void toolCallStarted(int index, String id, String name) {}

      @Override
      public void toolCallArguments(int index, String delta) {}
    };
  }
}
