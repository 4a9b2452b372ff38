package io.botburrow.runner.activation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.activation.Activation;
import io.botburrow.activation.ActivationKind;
import io.botburrow.activation.RunnerPool;
import io.botburrow.activation.Trigger;
import io.botburrow.agents.AgentConfig;
import io.botburrow.agents.Limits;
import io.botburrow.agents.Discovery;
import io.botburrow.agents.Behavior;
import io.botburrow.agents.AgentDefinition;
import io.botburrow.agents.Brain;
import io.botburrow.agents.Capabilities;
import io.botburrow.agents.memory.InMemoryAgentDefinitionStore;
import io.botburrow.hub.BudgetHealth;
import io.botburrow.hub.Comment;
import io.botburrow.hub.Notification;
import io.botburrow.llm.BudgetExceededException;
import io.botburrow.llm.ChatModel;
import io.botburrow.llm.ChatResponse;
import io.botburrow.llm.LlmException;
import io.botburrow.llm.ToolCall;
import io.botburrow.llm.Usage;
import io.botburrow.queue.QueueSettings;
import io.botburrow.queue.memory.InMemoryActivationQueue;
import io.botburrow.queue.memory.InMemoryEffectLedger;
import io.botburrow.runner.RunnerMetrics;
import io.botburrow.runner.llm.ChatModelSource;
import io.botburrow.runner.llm.LlmProperties;
import io.botburrow.runner.llm.ModelRoute;
import io.botburrow.runner.llm.ModelRouter;
import io.botburrow.schedule.memory.InMemoryExplorationSchedule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** One activation against a Hub in memory: what the person who asked would see in the thread. */
class ActivationHandlerTest {
  private static final String AGENT = "helper-agent";
  private final Clock clock = Clock.systemUTC();
  private final FakeHub hub = new FakeHub();
  private final InMemoryAgentDefinitionStore definitions = new InMemoryAgentDefinitionStore();
  private final Deque<Supplier<ChatResponse>> script = new ArrayDeque<>();
  private final List<Object> modelCalls = new ArrayList<>();
  private final InMemoryEffectLedger ledger = new InMemoryEffectLedger(clock);
  private BudgetHealth gatewayBudget;
  private final InMemoryExplorationSchedule explorations = new InMemoryExplorationSchedule();
  private final FlakyTasks tasks = new FlakyTasks(new io.botburrow.tasks.memory.InMemoryTaskStore());

  /** Tasks in memory whose next {@code failFinish} finishes find Redis out of reach. */
  private static final class FlakyTasks implements io.botburrow.tasks.TaskStore {
    private final io.botburrow.tasks.TaskStore tasks;
    private int failFinish;
    private int finishCalls;

    FlakyTasks(io.botburrow.tasks.TaskStore tasks) {
      this.tasks = tasks;
    }

    @Override
    public void create(io.botburrow.tasks.Task task) {
      tasks.create(task);
    }

    @Override
    public java.util.Optional<io.botburrow.tasks.Task> get(String id) {
      return tasks.get(id);
    }

    @Override
    public java.util.Optional<io.botburrow.tasks.Task> start(String id, String activationId, Instant now) {
      return tasks.start(id, activationId, now);
    }

    @Override
    public java.util.Optional<io.botburrow.tasks.Task> finish(String id, io.botburrow.tasks.TaskResult result, Instant now) {
      finishCalls++;
      if (failFinish > 0) {
        failFinish--;
        throw new io.botburrow.queue.QueueUnavailableException("task store unavailable: read timed out", null);
      }
      return tasks.finish(id, result, now);
    }

    @Override
    public java.util.Optional<io.botburrow.tasks.Task> cancel(String id, String reason, Instant now) {
      return tasks.cancel(id, reason, now);
    }

    @Override
    public io.botburrow.tasks.AgentTaskStats stats(String agent) {
      return tasks.stats(agent);
    }
  }
  private final ActivationHandler handler = handler();

  private ActivationHandler handler() {
    ChatModel model = request -> {
      modelCalls.add(request);
      return script.isEmpty() ? text("default answer") : script.removeFirst().get();
    };
    ChatModelSource models = new ChatModelSource() {
      public ChatModel model(ModelRoute route, Scope scope) {
        return model;
      }

      public double cost(String m, Usage usage) {
        return usage.total() / 1000.0;
      }

      public java.util.Optional<BudgetHealth> budgetHealth(String agent) {
        return java.util.Optional.ofNullable(gatewayBudget);
      }
    };
    LlmProperties llm = new LlmProperties(URI.create("http://127.0.0.1:9/v1"), "openai", null, "k",
        URI.create("https://api.openai.com/v1"), URI.create("https://api.anthropic.com"), Duration.ofSeconds(5));
    InMemoryActivationQueue queue = new InMemoryActivationQueue(QueueSettings.defaults(), clock);
    return new ActivationHandler(definitions, hub, new ModelRouter(llm, name -> null), models, new ObjectMapper(),
        new RunnerMetrics(new SimpleMeterRegistry(), queue, RunnerPool.HYBRID), clock, Duration.ofSeconds(30), 3, ledger,
        explorations, Duration.ofMinutes(15), WorkspaceProvider.disabled(),
        tasks);
  }

  private void define(String type, String... grants) {
    definitions.put(AgentConfig.of(AGENT, type, Brain.of("scripted-model"), Capabilities.grants(grants)));
  }

  private static ChatResponse text(String t) {
    return new ChatResponse(t, List.of(), new Usage(10, 5), "stop", "scripted-model");
  }

  private static Activation activation(int attempt) {
    return Activation.notification(AGENT, "test", List.of(), Instant.now()).withAttempt(attempt);
  }

  @Test
  void answersAMentionInACommentAsAChildOfThatCommentWithoutHubWriteAndMarksItRead() {
    define("native", "hub:read");
    String post = hub.post("ron", "a question");
    Comment asking = hub.addComment("ron", post, null, "@helper-agent what now?");
    Notification n = hub.mention(AGENT, post, asking.id(), asking.content());
    script.add(() -> text("Here is what to do."));

    ActivationOutcome outcome = handler.handle(activation(1));

    assertThat(outcome).isInstanceOf(ActivationOutcome.Succeeded.class);
    assertThat(hub.commentsBy(post, AGENT)).singleElement().satisfies(c -> {
      assertThat(c.parentId()).isEqualTo(asking.id());
      assertThat(c.content()).isEqualTo("Here is what to do.");
    });
    assertThat(hub.read).containsExactly(n.id());
    assertThat(hub.commentKeys).containsExactly("reply:" + AGENT + ":" + n.id());
  }

  @Test
  void aReplyTheHubRefusesWhileItsHealthCheckFailsTooIsDeferredNotFailedAndStaysUnread() {
    String post = mentionAnsweredWith("hi");
    hub.commentStatus = 503;
    hub.reachable = false;

    ActivationOutcome outcome = handler.handle(activation(3));

    assertThat(outcome).isInstanceOfSatisfying(ActivationOutcome.Deferred.class,
        d -> assertThat(d.reason()).startsWith("Hub out of reach: ").contains("503"));
    assertThat(hub.read).isEmpty();
    assertThat(hub.commentsBy(post, AGENT)).isEmpty();
  }

  @Test
  void aHubFailureJustAfterTheHubWasFoundDownIsPartOfThatOutageEvenIfTheHealthCheckPassesAgain() {
    mentionAnsweredWith("hi", "hi");
    hub.commentStatus = 503;
    hub.reachable = false;
    assertThat(handler.handle(activation(1))).isInstanceOf(ActivationOutcome.Deferred.class);

    hub.reachable = true;

    assertThat(handler.handle(activation(1))).isInstanceOf(ActivationOutcome.Deferred.class);
  }

  @Test
  void whileTheHubIsKnownToBeDownAMentionWaitsWithoutCallingTheModelOrTheHub() {
    mentionAnsweredWith("hi", "hi");
    hub.commentStatus = 503;
    hub.reachable = false;
    assertThat(handler.handle(activation(1))).isInstanceOf(ActivationOutcome.Deferred.class);
    int before = modelCalls.size();

    assertThat(handler.handle(activation(1))).isInstanceOfSatisfying(ActivationOutcome.Deferred.class,
        d -> assertThat(d.reason()).isEqualTo("Hub out of reach: its health check fails"));
    assertThat(modelCalls).hasSize(before);
  }

  @Test
  void aReplyTheHubRefusesWhileItIsOtherwiseUpIsAFailureOfTheActivation() {
    mentionAnsweredWith("hi");
    hub.commentStatus = 500;

    ActivationOutcome outcome = handler.handle(activation(1));

    assertThat(outcome).isInstanceOfSatisfying(ActivationOutcome.Failed.class, f -> assertThat(f.retryable()).isTrue());
    assertThat(hub.read).isEmpty();
  }

  /** A native agent mentioned in a new post, whose model answers each delivery with the next of {@code answers}. */
  private String mentionAnsweredWith(String... answers) {
    define("native");
    String post = hub.post("ron", "@helper-agent hello");
    hub.mention(AGENT, post, null, "@helper-agent hello");
    for (String answer : answers) {
      script.add(() -> text(answer));
    }
    return post;
  }

  @Test
  void theNextExplorationWaitsOutTheAgentsRestWhenItIsLongerThanTheQuietTime() {
    AgentConfig c = AgentConfig.of(AGENT, "native", Brain.of("scripted-model"), Capabilities.grants("hub:read"));
    Behavior b = c.behavior().withDiscovery(new Discovery(true, "staleness", false, false, 0.7));
    Limits l = b.limits();
    definitions.put(c.withBehavior(b.withLimits(new Limits(l.maxDailyPosts(), l.maxDailyComments(),
        l.maxResponsesPerThread(), 3600, l.maxTokensPerActivation()))));
    String post = hub.post("ron", "a question");
    Comment asking = hub.addComment("ron", post, null, "@helper-agent what now?");
    hub.mention(AGENT, post, asking.id(), asking.content());

    handler.handle(activation(1));

    // quiet time 15 min, rest 60 min: not due after the quiet time, due after the rest
    Instant now = Instant.now();
    assertThat(explorations.takeDue(now.plus(Duration.ofMinutes(16)), 10, Duration.ZERO)).isEmpty();
    assertThat(explorations.takeDue(now.plus(Duration.ofMinutes(61)), 10, Duration.ZERO)).containsExactly(AGENT);
  }

  @Test
  void aRedeliveryFindsTheReplyInTheThreadAndNeitherRunsTheModelNorPostsAgain() {
    define("native");
    String post = hub.post("ron", "a question");
    Comment asking = hub.addComment("ron", post, null, "@helper-agent hi");
    Notification n = hub.mention(AGENT, post, asking.id(), asking.content());
    hub.addComment(AGENT, post, asking.id(), "posted by a delivery that died before marking read");

    handler.handle(activation(2));

    assertThat(modelCalls).isEmpty();
    assertThat(hub.commentsBy(post, AGENT)).hasSize(1);
    assertThat(hub.read).containsExactly(n.id());
  }

  @Test
  void aDeliveryThatNoLongerHoldsItsLeaseDoesNotPost() {
    define("native");
    String post = hub.post("ron", "@helper-agent hello");
    Notification n = hub.mention(AGENT, post, null, "@helper-agent hello");
    ActivationControl lost = new ActivationControl() {
      public boolean leaseHeld() {
        return false;
      }

      public Stop stopRequested() {
        return Stop.NONE;
      }
    };

    ActivationOutcome outcome = handler.handle(activation(1), lost);

    // handed back for redelivery: a lease that could not be confirmed is no failure of the agent's
    assertThat(outcome).isInstanceOf(ActivationOutcome.Cancelled.class);
    assertThat(hub.commentsBy(post, AGENT)).isEmpty();
    assertThat(hub.read).doesNotContain(n.id());
  }

  @Test
  void aDeliveryThatLosesItsLeaseAfterClaimingTheReplyGivesTheClaimUpSoTheNextOneRepliesAtOnce() {
    define("native");
    String post = hub.post("ron", "@helper-agent hello");
    Notification n = hub.mention(AGENT, post, null, "@helper-agent hello");
    java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();
    ActivationControl losesItAfterTheClaim = new ActivationControl() {
      public boolean leaseHeld() {
        return checks.incrementAndGet() == 1;
      }

      public Stop stopRequested() {
        return Stop.NONE;
      }
    };
    handler.handle(activation(1), losesItAfterTheClaim);
    assertThat(hub.commentsBy(post, AGENT)).isEmpty();

    long started = System.nanoTime();
    handler.handle(Activation.notification(AGENT, "rebuilt after Redis lost its state", List.of(), Instant.now()));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ReplyPoster.CLAIM_WAIT);
    assertThat(hub.commentsBy(post, AGENT)).hasSize(1);
    assertThat(hub.read).containsExactly(n.id());
  }

  @Test
  void aClaimLeftByAnotherActivationThatNeverPostedIsTakenOverAfterTheWaitAndTheMentionAnsweredOnce() {
    define("native");
    String post = hub.post("ron", "@helper-agent hello");
    Notification n = hub.mention(AGENT, post, null, "@helper-agent hello");
    // an earlier activation of the agent claimed the reply, then its runner was killed for the last time and
    // the activation dead-lettered: a new one, built from the unread notification, answers
    assertThat(new ReplyLedger(ledger).claim(AGENT, n, "dead-lettered-activation", 3)).isTrue();

    long started = System.nanoTime();
    ActivationOutcome outcome = handler.handle(activation(1));

    assertThat(outcome).isInstanceOf(ActivationOutcome.Succeeded.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(ReplyPoster.CLAIM_WAIT);
    assertThat(hub.commentsBy(post, AGENT)).hasSize(1);
    assertThat(hub.read).containsExactly(n.id());
  }

  @Test
  void aBlankAnswerIsNeverPostedAsIs() {
    define("native");
    String post = hub.post("ron", "@helper-agent hello");
    hub.mention(AGENT, post, null, "@helper-agent hello");
    script.add(() -> text("   "));

    handler.handle(activation(1));

    assertThat(hub.commentsBy(post, AGENT)).singleElement()
        .satisfies(c -> assertThat(c.content()).isEqualTo("Sorry, I could not answer this: my model returned an empty answer."));
  }

  @Test
  void anAgentOfAnotherTypeSaysOnceWhyAndTheActivationSettlesWithoutRetry() {
    define("claude-code");
    String post = hub.post("ron", "@helper-agent hello");
    Notification n = hub.mention(AGENT, post, null, "@helper-agent hello");

    ActivationOutcome first = handler.handle(activation(1));
    handler.handle(activation(1));

    assertThat(first).isInstanceOf(ActivationOutcome.CouldNotAnswer.class);
    assertThat(hub.commentsBy(post, AGENT)).singleElement()
        .satisfies(c -> assertThat(c.content()).contains("'claude-code' executor"));
    assertThat(hub.read).containsExactly(n.id());
    assertThat(modelCalls).isEmpty();
  }

  @Test
  void anUnknownAgentSaysItsDefinitionIsMissing() {
    String post = hub.post("ron", "@helper-agent hello");
    hub.mention(AGENT, post, null, "@helper-agent hello");

    ActivationOutcome outcome = handler.handle(activation(1));

    assertThat(outcome).isInstanceOf(ActivationOutcome.CouldNotAnswer.class);
    assertThat(hub.commentsBy(post, AGENT)).singleElement()
        .satisfies(c -> assertThat(c.content()).contains("definition is missing"));
  }

  @Test
  void aSpentBudgetIsExplainedWithoutCallingTheModel() {
    define("native");
    hub.budget = new BudgetHealth(AGENT, 5, 5.2, 100, 20, false);
    String post = hub.post("ron", "@helper-agent hello");
    hub.mention(AGENT, post, null, "@helper-agent hello");

    handler.handle(activation(1));

    assertThat(modelCalls).isEmpty();
    assertThat(hub.commentsBy(post, AGENT)).singleElement().satisfies(c -> assertThat(c.content())
        .isEqualTo("Sorry, I could not answer this: today's budget is spent (5.20 of 5.00 USD). Please ask again later."));
  }

  @Test
  void aBudgetSpentInTheMiddleOfTheLoopEndsItAndTheReplySaysTheBudgetIsSpent() {
    define("native");
    String post = hub.post("ron", "@helper-agent look it up");
    Notification n = hub.mention(AGENT, post, null, "@helper-agent look it up");
    script.add(() -> new ChatResponse("Let me look.", List.of(new ToolCall("c1", "no_such_tool", "{}")), new Usage(10, 5),
        "tool_calls", "scripted-model"));
    script.add(() -> {
      throw new BudgetExceededException(BudgetExceededException.Scope.AGENT_DAY, 5.01, 5.0, "USD");
    });

    ActivationOutcome outcome = handler.handle(activation(1));

    assertThat(modelCalls).hasSize(2);
    assertThat(outcome).isInstanceOf(ActivationOutcome.CouldNotAnswer.class);
    assertThat(hub.commentsBy(post, AGENT)).singleElement().satisfies(c -> assertThat(c.content())
        .isEqualTo("Sorry, I could not answer this: today's budget is spent (5.01 of 5.00 USD). Please ask again later."));
    assertThat(hub.read).containsExactly(n.id());
  }

  @Test
  void theGatewaysBudgetHealthIsConsultedInsteadOfTheHubsWhenTheOperatorBudgetsTheAgentThere() {
    define("native");
    hub.budget = new BudgetHealth(AGENT, 10, 0, 100, 0, true);
    gatewayBudget = new BudgetHealth(AGENT, 10, 2, 30, 30.5, false);
    String post = hub.post("ron", "@helper-agent hello");
    hub.mention(AGENT, post, null, "@helper-agent hello");

    handler.handle(activation(1));

    assertThat(modelCalls).isEmpty();
    assertThat(hub.commentsBy(post, AGENT)).singleElement().satisfies(c -> assertThat(c.content()).isEqualTo(
        "Sorry, I could not answer this: this month's budget is spent (30.50 of 30.00 USD). Please ask again later."));
  }

  @Test
  void aModelThatKeepsFailingLeavesTheMentionUnreadUntilTheLastAttemptWhichSaysWhy() {
    define("native");
    String post = hub.post("ron", "@helper-agent hello");
    Notification n = hub.mention(AGENT, post, null, "@helper-agent hello");
    for (int i = 0; i < 3; i++) {
      script.add(() -> {
        throw new LlmException("provider answered 503", 503, true, null);
      });
    }

    ActivationOutcome first = handler.handle(activation(1));
    handler.handle(activation(2));
    assertThat(hub.commentsBy(post, AGENT)).isEmpty();
    assertThat(hub.read).doesNotContain(n.id());
    ActivationOutcome last = handler.handle(activation(3));

    assertThat(first).isInstanceOf(ActivationOutcome.Failed.class);
    assertThat(last).isInstanceOf(ActivationOutcome.CouldNotAnswer.class);
    assertThat(hub.commentsBy(post, AGENT)).singleElement()
        .satisfies(c -> assertThat(c.content()).contains("could not be reached after several tries"));
    assertThat(hub.read).containsExactly(n.id());
  }

  @Test
  void workThatFailedOnlyBecauseRedisWasOutOfReachIsHandedBackNotFailed() {
    define("native");
    String post = hub.post("ron", "@helper-agent hello");
    Notification n = hub.mention(AGENT, post, null, "@helper-agent hello");
    script.add(() -> {
      throw new io.botburrow.queue.QueueUnavailableException("budget store unavailable: Connection refused",
          new java.io.IOException("Connection refused"));
    });

    ActivationOutcome outcome = handler.handle(activation(1));

    // released for redelivery without opening the agent's circuit: the agent did nothing wrong
    assertThat(outcome).isInstanceOf(ActivationOutcome.Cancelled.class);
    assertThat(hub.commentsBy(post, AGENT)).isEmpty();
    assertThat(hub.read).doesNotContain(n.id());
    assertThat(handler.handle(activation(1))).isInstanceOf(ActivationOutcome.Succeeded.class);
    assertThat(hub.commentsBy(post, AGENT)).hasSize(1);
  }

  // a schedule tick of the agent, with its task created as the coordinator creates it
  private Activation scheduledTick(int n) {
    Activation tick = Activation.triggered(AGENT, ActivationKind.SCHEDULE,
        new Trigger("schedule:helper-agent:tick:" + n, "task-" + n, "schedule tick", "Say tick.", null, Duration.ofDays(1)),
        Instant.now());
    tasks.create(io.botburrow.tasks.Task.submitted("task-" + n, AGENT, "schedule", "Say tick.", Instant.now(), tick.id().value()));
    return tick;
  }

  @Test
  void aScheduledRunThatFailedOnlyBecauseRedisWasOutOfReachIsHandedBackNotFailed() {
    define("native", "hub:read");
    Activation tick = scheduledTick(1);
    script.add(() -> {
      throw new IllegalStateException("tool failed",
          new io.botburrow.queue.QueueUnavailableException("task store unavailable: read timed out", null));
    });

    ActivationOutcome outcome = handler.handle(tick);

    // released for redelivery without counting an attempt or opening the agent's circuit
    assertThat(outcome).isInstanceOf(ActivationOutcome.Cancelled.class);
    assertThat(((ActivationOutcome.Cancelled) outcome).reason()).startsWith("Redis out of reach: ");
    assertThat(handler.handle(tick)).isInstanceOf(ActivationOutcome.Succeeded.class);
  }

  @Test
  void aFinishedRunWaitsForRedisToRecordItsTaskInsteadOfAskingTheModelAgain() {
    define("native", "hub:read");
    Activation tick = scheduledTick(2);
    script.add(() -> text("tick"));
    // Redis does not answer the first two tries to record the result (a freeze, a failover)
    tasks.failFinish = 2;

    ActivationOutcome outcome = handler.handle(tick);

    assertThat(outcome).isInstanceOf(ActivationOutcome.Succeeded.class);
    assertThat(tasks.finishCalls).isEqualTo(3);
    assertThat(tasks.get("task-2")).hasValueSatisfying(t -> assertThat(t.state()).isEqualTo(io.botburrow.tasks.TaskState.COMPLETED));
    assertThat(modelCalls).hasSize(1);
  }

  @Test
  void theUsageOfModelCallsIsReportedAlsoWhenALaterCallFails() {
    define("native", "hub:read");
    String post = hub.post("ron", "@helper-agent hello");
    hub.mention(AGENT, post, null, "@helper-agent hello");
    script.add(() -> new ChatResponse("", List.of(new ToolCall("t1", "hub_search", "{\"query\":\"x\"}")),
        new Usage(120, 30), "tool_calls", "scripted-model"));
    script.add(() -> {
      throw new LlmException("provider answered 503", 503, true, null);
    });

    handler.handle(activation(1));

    assertThat(hub.consumption).singleElement().satisfies(c -> {
      assertThat(c.tokensInput()).isEqualTo(120);
      assertThat(c.tokensOutput()).isEqualTo(30);
      assertThat(c.costUsd()).isEqualTo(0.15);
    });
    assertThat(hub.consumptionKeys).singleElement().asString().startsWith("consumption:");
  }

  @Test
  void aReplyTheAgentPostsWithHubPostInTheThreadIsTheAnswerAndIsNotPostedTwice() {
    define("native", "hub:read", "hub:write");
    String post = hub.post("ron", "a question");
    Comment asking = hub.addComment("ron", post, null, "@helper-agent please answer");
    hub.mention(AGENT, post, asking.id(), asking.content());
    String args = "{\"content\":\"Answered with the tool.\",\"reply_to\":\"" + post + "\"}";
    script.add(() -> new ChatResponse("", List.of(new ToolCall("t1", "hub_post", args)), new Usage(5, 5), "tool_calls", "m"));
    script.add(() -> new ChatResponse("", List.of(new ToolCall("t2", "hub_post", args)), new Usage(5, 5), "tool_calls", "m"));
    script.add(() -> text("I replied above."));

    handler.handle(activation(1));

    assertThat(hub.commentsBy(post, AGENT)).singleElement().satisfies(c -> {
      assertThat(c.parentId()).isEqualTo(asking.id());
      assertThat(c.content()).isEqualTo("Answered with the tool.");
    });
  }
}
