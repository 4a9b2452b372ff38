package io.botburrow.runner.activation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.activation.Activation;
import io.botburrow.activation.RunnerPool;
import io.botburrow.agents.AgentConfig;
import io.botburrow.agents.Brain;
import io.botburrow.agents.Capabilities;
import io.botburrow.agents.memory.InMemoryAgentDefinitionStore;
import io.botburrow.audit.AuditArchive;
import io.botburrow.audit.AuditChain;
import io.botburrow.audit.AuditEntry;
import io.botburrow.audit.AuditLog;
import io.botburrow.audit.AuditProperties;
import io.botburrow.audit.AuditUnavailableException;
import io.botburrow.audit.AuditVerifier;
import io.botburrow.audit.memory.InMemoryAuditArchive;
import io.botburrow.audit.memory.InMemoryAuditLog;
import io.botburrow.hub.Comment;
import io.botburrow.llm.ChatModel;
import io.botburrow.llm.ChatResponse;
import io.botburrow.llm.ToolCall;
import io.botburrow.llm.Usage;
import io.botburrow.queue.QueueSettings;
import io.botburrow.queue.memory.InMemoryActivationQueue;
import io.botburrow.queue.memory.InMemoryEffectLedger;
import io.botburrow.runner.RunnerMetrics;
import io.botburrow.runner.audit.AuditMetrics;
import io.botburrow.runner.audit.AuditRecorder;
import io.botburrow.runner.audit.Replay;
import io.botburrow.runner.audit.ResponseCodec;
import io.botburrow.runner.llm.ChatModelSource;
import io.botburrow.runner.llm.LlmProperties;
import io.botburrow.runner.llm.ModelRoute;
import io.botburrow.runner.llm.ModelRouter;
import io.botburrow.runner.tools.ActivationTools;
import io.botburrow.runner.activity.ActivityReporter;
import io.botburrow.schedule.memory.InMemoryExplorationSchedule;
import io.botburrow.secrets.Redactor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit trail of one activation, as the operator reads it back from the log and the archive. */
class ActivationAuditTest {
  private static final String AGENT = "helper-agent";
  private static final String SECRET = "sk-live-0123456789abcdef";
  private final Clock clock = Clock.systemUTC();
  private final FakeHub hub = new FakeHub();
  private final InMemoryAgentDefinitionStore definitions = new InMemoryAgentDefinitionStore();
  private final Deque<ChatResponse> script = new ArrayDeque<>();
  private final InMemoryAuditArchive archive = new InMemoryAuditArchive();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private ActivationHandler handler(AuditLog log) {
    ChatModel model = request -> script.isEmpty() ? text("default answer") : script.removeFirst();
    ChatModelSource models = new ChatModelSource() {
      public ChatModel model(ModelRoute route, Scope scope) {
        return model;
      }

      public double cost(String m, Usage usage) {
        return usage.total() / 1000.0;
      }
    };
    LlmProperties llm = new LlmProperties(URI.create("http://127.0.0.1:9/v1"), "openai", null, "k",
        URI.create("https://api.openai.com/v1"), URI.create("https://api.anthropic.com"), Duration.ofSeconds(5));
    AuditRecorder audit = new AuditRecorder(log, archive, AuditProperties.defaults(), Redactor.of(List.of(SECRET)),
        new AuditMetrics(registry), clock);
    return new ActivationHandler(definitions, hub, new ModelRouter(llm, name -> null), models, new ObjectMapper(),
        new RunnerMetrics(registry, new InMemoryActivationQueue(QueueSettings.defaults(), clock), RunnerPool.HYBRID), clock,
        Duration.ofSeconds(30), 3, new InMemoryEffectLedger(clock), new InMemoryExplorationSchedule(), Duration.ofMinutes(15),
        WorkspaceProvider.disabled(), new io.botburrow.tasks.memory.InMemoryTaskStore(), null, ActivationTools.NONE,
        ActivityReporter.NONE, io.botburrow.channels.MessagingChannels.NONE, audit);
  }

  private static ChatResponse text(String t) {
    return new ChatResponse(t, List.of(), new Usage(10, 5), "stop", "scripted-model");
  }

  private String mentionWithOneSearch() {
    definitions.put(AgentConfig.of(AGENT, "native", Brain.of("scripted-model"), Capabilities.grants("hub:read")));
    String post = hub.post("ron", "a question");
    Comment asking = hub.addComment("ron", post, null, "@helper-agent what now?");
    hub.mention(AGENT, post, asking.id(), asking.content());
    script.add(new ChatResponse("", List.of(new ToolCall("t1", "hub_search", "{\"query\":\"" + SECRET + "\"}")),
        new Usage(120, 30), "tool_calls", "scripted-model"));
    script.add(text("Here is what to do."));
    return post;
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  @Test
  void anActivationWithAToolCallLeavesAVerifiableTrailOfItsModelAndToolCalls() {
    InMemoryAuditLog log = new InMemoryAuditLog();
    String post = mentionWithOneSearch();
    Activation a = Activation.notification(AGENT, "1 unread notification", List.of(), clock.instant());

    handler(log).handle(a);

    List<AuditEntry> trail = log.read(today());
    assertThat(trail).extracting(AuditEntry::type)
        .containsExactly("started", "definition", "workspace", "model_call", "tool_call", "model_call", "reply", "finished");
    assertThat(trail).extracting(AuditEntry::activation).containsOnly(a.id().value());
    var tool = trail.get(4).record().path("data");
    assertThat(tool.path("name").asText()).isEqualTo("hub_search");
    assertThat(tool.path("arguments").asText()).isEqualTo("{\"query\":\"[REDACTED]\"}");
    assertThat(tool.path("status").asText()).isEqualTo("ok");
    var call = trail.get(3).record().path("data");
    assertThat(call.path("input_tokens").asLong()).isEqualTo(120);
    assertThat(call.path("cost_usd").asDouble()).isEqualTo(0.15);
    assertThat(call.path("tool_calls").get(0).asText()).isEqualTo("hub_search");
    assertThat(trail.get(6).record().path("data").path("post").asText()).isEqualTo(post);
    assertThat(trail.get(6).record().path("data").path("comment").asText())
        .isEqualTo(hub.commentsBy(post, AGENT).getFirst().id());
    var finished = trail.get(7).record().path("data");
    assertThat(finished.path("status").asText()).isEqualTo("success");
    assertThat(finished.path("stop_reason").asText()).isEqualTo("completed");
    assertThat(String.join("\n", trail.stream().map(AuditEntry::line).toList())).doesNotContain(SECRET);

    AuditArchive.Run archived = archive.find(today(), a.id().value()).orElseThrow();
    assertThat(archived.records()).isEqualTo(trail);
    AuditVerifier.Result result = AuditVerifier.verify(List.of(new AuditVerifier.Source("log", trail, true),
        new AuditVerifier.Source("archive", archived.records(), false)));
    assertThat(result.ok()).isTrue();
    assertThat(result.runs()).isEqualTo(1);
    List<String> responses = archive.responses(today(), AGENT, archived.run());
    assertThat(responses).hasSize(2);
    assertThat(AuditChain.sha256(responses.getFirst())).isEqualTo(call.path("response_sha256").asText());
    assertThat(ResponseCodec.read(responses.getFirst()).toolCalls()).singleElement()
        .satisfies(c -> assertThat(c.name()).isEqualTo("hub_search"));
    assertThat(registry.get("botburrow.audit.bytes").summary().count()).isEqualTo(1);
  }

  @Test
  void aRedisOutageNeitherFailsTheActivationNorLosesTheArchivedTrail() {
    AuditLog down = new AuditLog() {
      public void append(LocalDate day, AuditEntry entry) {
        throw new AuditUnavailableException("Redis audit log unavailable: connection refused", null);
      }

      public List<AuditEntry> read(LocalDate day) {
        return List.of();
      }

      public boolean bounded() {
        return true;
      }

      public Page follow(LocalDate day, String position, int backlog, Duration wait) {
        return new Page(List.of(), position);
      }
    };
    String post = mentionWithOneSearch();
    Activation a = Activation.notification(AGENT, "1 unread notification", List.of(), clock.instant());

    ActivationOutcome outcome = handler(down).handle(a);

    assertThat(outcome).isInstanceOf(ActivationOutcome.Succeeded.class);
    assertThat(hub.commentsBy(post, AGENT)).singleElement()
        .satisfies(c -> assertThat(c.content()).isEqualTo("Here is what to do."));
    // the run stops writing to Redis after its first failure: one failure counted, not one per record
    assertThat(registry.get("botburrow.audit.failures").tag("store", "redis").counter().count()).isEqualTo(1);
    assertThat(archive.find(today(), a.id().value()).orElseThrow().records()).hasSize(8);
  }

  @Test
  void aReplayOfAnActivationWithAToolCallCallsTheSameToolsWithoutCallingAModelOrPosting() {
    String post = mentionWithOneSearch();
    Activation a = Activation.notification(AGENT, "1 unread notification", List.of(), clock.instant());
    handler(new InMemoryAuditLog()).handle(a);
    int comments = hub.commentsBy(post, AGENT).size();
    List<String> progress = new java.util.ArrayList<>();

    Replay.Result result = new Replay(archive, definitions, hub, new ObjectMapper(), clock).replay(a.id().value(), progress::add);

    assertThat(result.message()).isEqualTo("replay: " + a.id().value() + " tool sequence matches (1 calls)");
    assertThat(result.matches()).isTrue();
    assertThat(progress).singleElement().asString().contains("2 model calls, 1 tool calls recorded");
    assertThat(hub.commentsBy(post, AGENT)).hasSize(comments);
    assertThat(script).isEmpty();
  }

  @Test
  void aReplayNoticesTheDefinitionChangedSinceTheRecording() {
    mentionWithOneSearch();
    Activation a = Activation.notification(AGENT, "1 unread notification", List.of(), clock.instant());
    handler(new InMemoryAuditLog()).handle(a);
    String recorded = definitions.load(AGENT).revision();
    definitions.put(new io.botburrow.agents.AgentDefinition(
        AgentConfig.of(AGENT, "native", Brain.of("another-model"), Capabilities.grants("hub:read")), "", List.of(), "2"));

    Replay.Result result = new Replay(archive, definitions, hub, new ObjectMapper(), clock).replay(a.id().value(), line -> { });

    assertThat(result.matches()).isFalse();
    assertThat(result.message()).startsWith("replay: " + a.id().value() + " definition of helper-agent changed: recorded revision "
        + recorded + ", the bucket holds 2 now");
  }

  @Test
  void aReplayRefusesAModelResponseAlteredInTheArchive() {
    mentionWithOneSearch();
    Activation a = Activation.notification(AGENT, "1 unread notification", List.of(), clock.instant());
    handler(new InMemoryAuditLog()).handle(a);
    AuditArchive.Run run = archive.find(today(), a.id().value()).orElseThrow();
    List<String> responses = new java.util.ArrayList<>(archive.responses(today(), AGENT, run.run()));
    String changed = responses.getFirst().replace("hub_search", "hub_get_thread");
    List<AuditEntry> records = new java.util.ArrayList<>(run.records());
    archive.store(today(), AGENT, run.run(), records, List.of(changed, responses.get(1)));

    Replay.Result result = new Replay(archive, definitions, hub, new ObjectMapper(), clock).replay(a.id().value(), line -> { });

    assertThat(result.message()).isEqualTo("replay: " + a.id().value()
        + " model response 1 does not match the hash its record holds (altered)");
  }

  @Test
  void aReplayWhoseAgentNoLongerHasTheToolSaysWhereItDiverged() {
    mentionWithOneSearch();
    Activation a = Activation.notification(AGENT, "1 unread notification", List.of(), clock.instant());
    handler(new InMemoryAuditLog()).handle(a);
    // the same revision without hub:read: a store that did not notice a change
    definitions.put(AgentConfig.of(AGENT, "native", Brain.of("scripted-model"), Capabilities.grants(new String[0])));

    Replay.Result result = new Replay(archive, definitions, hub, new ObjectMapper(), clock).replay(a.id().value(), line -> { });

    assertThat(result.matches()).isFalse();
    assertThat(result.message()).isEqualTo("replay: " + a.id().value()
        + " diverged at tool call 1: recorded hub_search, replayed (none)");
  }
}
