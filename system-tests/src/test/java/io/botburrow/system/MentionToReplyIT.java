package io.botburrow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.botburrow.devkit.llm.HeldTurn;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A person @mentions agents in the Hub and reads their answers, with every part of the system real. */
class MentionToReplyIT {
  private static LocalSystem system;
  private static HubHttp hub;
  private static String ronKey;
  private static final ListAppender<ILoggingEvent> runnerLog = new ListAppender<>();

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
    ((Logger) LoggerFactory.getLogger("io.botburrow.runner.activation")).addAppender(runnerLog);
    runnerLog.start();
    // a short Hub timeout, so that a reply whose answer the Hub holds back times out in the runner
    system = new LocalSystem(
        List.of("echo-agent", "other-agent", "broken-agent", "cli-agent", "reader-agent", "slow-agent", "spender-agent"),
        Map.of("botburrow.hub.request-timeout", "1500ms"));
    hub = system.hubHttp();
    ronKey = hub.post("/api/v1/dev/session", null, Map.of("name", "ron")).path("api_key").asText();
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
  }

  private static String post(String content) {
    return hub.post("/api/v1/posts", ronKey, Map.of("title", "Question", "content", content)).path("id").asText();
  }

  private static Optional<JsonNode> commentBy(String postId, String agent) {
    return Probes.commentBy(hub, ronKey, postId, agent);
  }

  private static long commentsBy(String postId, String agent) {
    return Probes.commentsBy(hub, ronKey, postId, agent);
  }

  private static JsonNode notifications(String agent, boolean unreadOnly) {
    return hub.get("/api/v1/notifications?agent_id=" + agent + "&unread=" + unreadOnly, system.hub.adminKey()).path("notifications");
  }

  private static double metric(HubHttp service, String name, String... labels) {
    return Probes.metric(service, name, labels);
  }

  @Test
  void aMentionIsAnsweredInTheThreadAndEverythingIsAccountedFor() {
    system.llm.enqueueFor("echo-agent", ScriptedTurn.text("Redis 7.2 added listpack encodings for sets.").withUsage(123, 45));

    String postId = post("@echo-agent what changed in Redis 7.2?");

    JsonNode reply = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
        .until(() -> commentBy(postId, "echo-agent"), Optional::isPresent).orElseThrow();
    assertThat(reply.path("content").asText()).isEqualTo("Redis 7.2 added listpack encodings for sets.");
    assertThat(system.llm.requestsContaining("what changed in Redis 7.2?")).isNotEmpty();
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      assertThat(notifications("echo-agent", true)).isEmpty();
      JsonNode agent = hub.get("/api/v1/agents/echo-agent", system.hub.adminKey());
      assertThat(agent.path("last_activated_at").isNull() || agent.path("last_activated_at").isMissingNode()).isFalse();
      JsonNode consumption = hub.get("/api/v1/system/consumption?agent_id=echo-agent", system.hub.adminKey());
      assertThat(consumption.toString()).contains("\"tokens_input\":123").contains("\"tokens_output\":45");
      assertThat(metric(system.runnerHttp(), "botburrow_activations_total", "agent=\"echo-agent\"", "status=\"success\"", "tool_type=\"native\"")).isGreaterThanOrEqualTo(1);
      assertThat(metric(system.runnerHttp(), "botburrow_tokens_total", "agent=\"echo-agent\"", "direction=\"input\"")).isGreaterThanOrEqualTo(123);
      assertThat(metric(system.runnerHttp(), "botburrow_tokens_total", "agent=\"echo-agent\"", "direction=\"output\"")).isGreaterThanOrEqualTo(45);
      assertThat(metric(system.runnerHttp(), "botburrow_activation_duration_seconds_count", "agent=\"echo-agent\"")).isGreaterThanOrEqualTo(1);
    });
    assertThat(system.runnerHttp().text("/prometheus")).contains("botburrow_runner_queue_depth{pool=\"hybrid\"}");
    assertThat(system.coordinatorHttp().text("/prometheus")).contains("botburrow_runner_queue_depth{pool=\"notification\"}");
    assertThat(metric(system.coordinatorHttp(), "botburrow_coordinator_leader")).isEqualTo(1.0);
  }

  @Test
  void anAgentWhoseDefinitionIsBrokenSaysSoOnceWhileAnotherAgentStillAnswers() {
    system.llm.enqueueFor("other-agent", ScriptedTurn.text("Hello from other-agent.").withUsage(10, 5));

    String postId = post("@broken-agent @other-agent hello both");

    await().atMost(Duration.ofSeconds(15)).until(() -> commentBy(postId, "other-agent").isPresent());
    await().atMost(Duration.ofSeconds(15)).until(() -> commentBy(postId, "broken-agent").isPresent());
    assertThat(commentBy(postId, "broken-agent").orElseThrow().path("content").asText())
        .startsWith("Sorry, I could not answer this: my definition is invalid")
        .doesNotContain("Exception").doesNotContain("config.yaml");
    await().atMost(Duration.ofSeconds(5)).until(() -> notifications("broken-agent", true).isEmpty());
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
        .until(() -> commentsBy(postId, "broken-agent"), n -> n == 1);
    List<ILoggingEvent> logged;
    synchronized (runnerLog) { // the runner keeps logging while the test reads
      logged = List.copyOf(runnerLog.list);
    }
    assertThat(logged).anySatisfy(e -> assertThat(e.getFormattedMessage())
        .contains("broken-agent").contains("agents/broken-agent/config.yaml"));
    assertThat(metric(system.runnerHttp(), "botburrow_activations_total", "agent=\"broken-agent\"", "status=\"failure\"")).isGreaterThanOrEqualTo(1);
    JsonNode circuits = system.coordinatorHttp().get("/api/v1/operator/circuits", LocalSystem.OPERATOR_KEY);
    assertThat(circuits.toString()).doesNotContain("\"agent\":\"broken-agent\"");
  }

  @Test
  void anAgentOfATypeTheRunnersCannotRunRepliesOnceWhy() {
    String postId = post("@cli-agent can you run?");

    await().atMost(Duration.ofSeconds(15)).until(() -> commentBy(postId, "cli-agent").isPresent());
    assertThat(commentBy(postId, "cli-agent").orElseThrow().path("content").asText())
        .contains("'claude-code' executor").contains("cannot run");
    await().atMost(Duration.ofSeconds(5)).until(() -> notifications("cli-agent", true).isEmpty());
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
        .until(() -> commentsBy(postId, "cli-agent"), n -> n == 1);
    assertThat(system.llm.requests()).noneSatisfy(r -> assertThat(r.toString()).contains("cli-agent"));
  }

  @Test
  void aMentionInACommentIsAnsweredAsAChildOfThatCommentEvenWithoutHubWrite() {
    system.llm.enqueueFor("reader-agent", ScriptedTurn.text("Read-only agents answer too.").withUsage(3, 4));
    String postId = post("A thread without a mention");
    String commentId = hub.post("/api/v1/posts/" + postId + "/comments", ronKey,
        Map.of("content", "@reader-agent what do you think?")).path("id").asText();

    await().atMost(Duration.ofSeconds(15)).until(() -> commentBy(postId, "reader-agent").isPresent());
    JsonNode reply = commentBy(postId, "reader-agent").orElseThrow();
    assertThat(reply.path("content").asText()).isEqualTo("Read-only agents answer too.");
    assertThat(reply.path("parent_id").asText()).isEqualTo(commentId);
    await().atMost(Duration.ofSeconds(5)).until(() -> notifications("reader-agent", true).isEmpty());
  }

  @Test
  void anAgentPastItsDeadlineIsStoppedDuringItsModelCallAndSaysItRanOutOfTime() {
    system.llm.enqueueFor("slow-agent", ScriptedTurn.text("Too late to be posted.").hold());
    String postId = post("@slow-agent take your time");

    HeldTurn held = system.llm.awaitHeld(Duration.ofSeconds(15));
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> commentBy(postId, "slow-agent").isPresent());
    } finally {
      held.release();
    }
    assertThat(commentBy(postId, "slow-agent").orElseThrow().path("content").asText())
        .isEqualTo("Sorry, I could not answer this: I ran out of time (the limit is 2 s).");
    await().atMost(Duration.ofSeconds(5)).until(() -> notifications("slow-agent", true).isEmpty());
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
        .until(() -> commentsBy(postId, "slow-agent"), n -> n == 1);
  }

  @Test
  void anAgentWhoseBudgetIsSpentSaysSoWithoutCallingItsModel() {
    hub.post("/api/v1/system/consumption", system.hub.adminKey(),
        Map.of("agent_id", "spender-agent", "tokens_input", 1, "tokens_output", 1, "cost_usd", 12.5));
    int before = system.llm.requests().size();

    String postId = post("@spender-agent one more question");

    await().atMost(Duration.ofSeconds(15)).until(() -> commentBy(postId, "spender-agent").isPresent());
    assertThat(commentBy(postId, "spender-agent").orElseThrow().path("content").asText())
        .isEqualTo("Sorry, I could not answer this: today's budget is spent (12.50 of 10.00 USD). Please ask again later.");
    assertThat(system.llm.requests()).hasSize(before);
    await().atMost(Duration.ofSeconds(5)).until(() -> notifications("spender-agent", true).isEmpty());
  }

  @Test
  void aReplyTheHubStoredButAnsweredTooLateForIsNotPostedAgain() {
    system.llm.enqueueFor("other-agent", ScriptedTurn.text("Stored although the answer came too late.").withUsage(2, 2));
    hub.post("/api/v1/dev/faults", system.hub.adminKey(), Map.of("status", 504, "seconds", 30, "after_handling", true,
        "route", "POST /api/v1/posts/*/comments", "delay_seconds", 3, "count", 1));

    String postId = post("@other-agent are you slow today?");

    await().atMost(Duration.ofSeconds(20)).until(() -> notifications("other-agent", true).isEmpty());
    await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8))
        .until(() -> commentsBy(postId, "other-agent"), n -> n == 1);
    assertThat(commentBy(postId, "other-agent").orElseThrow().path("content").asText())
        .isEqualTo("Stored although the answer came too late.");
  }

  @Test
  void postToReplyLatencyOverTenMentions() {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      system.llm.enqueueFor("echo-agent", ScriptedTurn.text("answer " + i).withUsage(5, 5));
      long start = System.nanoTime();
      String postId = post("@echo-agent question number " + i);
      await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(10)).until(() -> commentBy(postId, "echo-agent").isPresent());
      millis.add((System.nanoTime() - start) / 1_000_000);
    }
    List<Long> sorted = millis.stream().sorted().toList();
    long median = (sorted.get(4) + sorted.get(5)) / 2;
    System.out.println("post-to-reply: median " + median + " ms over 10 mentions " + millis);
    assertThat(median).isLessThan(15_000);
  }
}
