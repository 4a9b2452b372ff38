package io.botburrow.runner.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.activation.ActivationId;
import io.botburrow.agents.AgentDefinition;
import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.audit.AuditArchive;
import io.botburrow.audit.AuditChain;
import io.botburrow.audit.AuditEntry;
import io.botburrow.audit.AuditVerifier;
import io.botburrow.hub.HubClient;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatModel;
import io.botburrow.llm.ChatResponse;
import io.botburrow.llm.LlmException;
import io.botburrow.llm.ToolSpec;
import io.botburrow.runner.agent.LoopLimits;
import io.botburrow.runner.agent.LoopResult;
import io.botburrow.runner.agent.NativeAgentLoop;
import io.botburrow.runner.agent.PromptBuilder;
import io.botburrow.runner.tools.AgentTool;
import io.botburrow.runner.tools.ObservedTool;
import io.botburrow.runner.tools.ToolCallObserver;
import io.botburrow.runner.tools.ToolOutcome;
import io.botburrow.runner.tools.hub.HubTools;
import io.botburrow.runner.tools.hub.PostLog;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs an archived activation again with the native executor: the model calls are answered by the
 * recorded responses (checked against their hashes in the chain), no provider is called, the Hub is read
 * but never written, and tools other than the Hub's (sandbox, MCP, HTTP, delegation) answer that they are
 * not run in a replay. What the replay reports is whether the agent called the same tools in the same order.
 */
public final class Replay {
  /** The replay's verdict; {@code message} is the line the command prints last. */
  public record Result(boolean matches, int calls, String message) {}

  private final AuditArchive archive;
  private final AgentDefinitionStore definitions;
  private final HubClient hub;
  private final ObjectMapper json;
  private final Clock clock;

  /** @param hub the Hub to read; every write is refused */
  public Replay(AuditArchive archive, AgentDefinitionStore definitions, HubClient hub, ObjectMapper json, Clock clock) {
    this.archive = archive;
    this.definitions = definitions;
    this.hub = new ReadOnlyHub(hub);
    this.json = json;
    this.clock = clock;
  }

  /** Replays the latest archived run of {@code activationId}; {@code progress} hears what happens. Blocks. */
  public Result replay(String activationId, Consumer<String> progress) {
    ActivationId id;
    try {
      id = new ActivationId(activationId);
    } catch (IllegalArgumentException e) {
      return new Result(false, 0, "replay: " + activationId + " is not an activation id (28 hex digits)");
    }
    Optional<AuditArchive.Run> found = find(id);
    if (found.isEmpty()) {
      return new Result(false, 0, "replay: " + activationId + " has no archived audit trail");
    }
    AuditArchive.Run run = found.get();
    AuditVerifier.Result verified = AuditVerifier.verify(List.of(new AuditVerifier.Source("archive", run.records(), false)));
    if (!verified.ok()) {
      return new Result(false, 0, "replay: " + activationId + " has a broken audit trail: " + verified.broken().get());
    }
    List<JsonNode> records = run.records().stream().map(AuditEntry::record).toList();
    List<String> recordedTools = ofType(records, "tool_call").stream().map(r -> r.path("data").path("name").asText()).toList();
    progress.accept("replay: " + activationId + " run " + run.run() + " of " + run.agent() + " on " + run.day() + ": "
        + ofType(records, "model_call").size() + " model calls, " + recordedTools.size() + " tool calls recorded");
    AgentDefinition def = definitions.load(run.agent());
    String recordedRevision = ofType(records, "definition").stream().findFirst()
        .map(r -> r.path("data").path("revision").asText()).orElse("");
    if (!recordedRevision.equals(def.revision())) {
      return new Result(false, 0, "replay: " + activationId + " definition of " + run.agent() + " changed: recorded revision "
          + recordedRevision + ", the bucket holds " + def.revision() + " now");
    }
    List<ChatResponse> responses;
    try {
      responses = responses(run, records);
    } catch (IllegalStateException e) {
      return new Result(false, 0, "replay: " + activationId + " " + e.getMessage());
    }
    List<String> replayed = run(def, records, responses);
    return compare(activationId, recordedTools, replayed);
  }

  private Optional<AuditArchive.Run> find(ActivationId id) {
    LocalDate created = LocalDate.ofInstant(id.createdAt(), ZoneOffset.UTC);
    Optional<AuditArchive.Run> latest = Optional.empty();
    // a redelivery may run days later than the activation was made; the latest run is replayed
    for (LocalDate day = created; !day.isAfter(created.plusDays(2)); day = day.plusDays(1)) {
      Optional<AuditArchive.Run> onDay = archive.find(day, id.value());
      if (onDay.isPresent()) {
        latest = onDay;
      }
    }
    return latest;
  }

  private List<ChatResponse> responses(AuditArchive.Run run, List<JsonNode> records) {
    List<String> bodies = archive.responses(run.day(), run.agent(), run.run());
    List<String> hashes = ofType(records, "model_call").stream().map(r -> r.path("data").path("response_sha256").asText(""))
        .filter(h -> !h.isEmpty()).toList();
    if (bodies.size() != hashes.size()) {
      throw new IllegalStateException("has " + bodies.size() + " archived model responses for " + hashes.size() + " recorded");
    }
    List<ChatResponse> responses = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      if (!AuditChain.sha256(bodies.get(i)).equals(hashes.get(i))) {
        throw new IllegalStateException("model response " + (i + 1) + " does not match the hash its record holds (altered)");
      }
      responses.add(ResponseCodec.read(bodies.get(i)));
    }
    return responses;
  }

  private List<String> run(AgentDefinition def, List<JsonNode> records, List<ChatResponse> responses) {
    List<String> called = Collections.synchronizedList(new ArrayList<>());
    ToolCallObserver observer = (tool, status, took) -> called.add(tool);
    List<AgentTool> tools = new ArrayList<>(HubTools.forAgent(def.config(), hub, json, new PostLog()));
    Set<String> offered = new java.util.HashSet<>(tools.stream().map(t -> t.spec().name()).toList());
    for (JsonNode w : ofType(records, "workspace")) {
      for (JsonNode name : w.path("data").path("tools")) {
        if (offered.add(name.asText())) {
          tools.add(notRun(name.asText()));
        }
      }
    }
    List<AgentTool> observed = ObservedTool.wrapAll(tools, observer);
    int[] next = {0};
    ChatModel recorded = request -> {
      if (next[0] >= responses.size()) {
        throw new LlmException("replay: the agent asked for model call " + (next[0] + 1) + "; " + responses.size()
            + " were recorded", 0, false, null);
      }
      return responses.get(next[0]++);
    };
    NativeAgentLoop loop = new NativeAgentLoop(clock);
    var brain = def.config().brain();
    List<ChatMessage> prompt = List.of(PromptBuilder.system(def, observed),
        new ChatMessage.User("Replay of a recorded activation."));
    LoopLimits limits = new LoopLimits(def.config().behavior().maxIterations(),
        def.config().behavior().limits().maxTokensPerActivation(), clock.instant().plus(Duration.ofMinutes(10)));
    // an activation answering several notifications ran the loop once per notification
    while (next[0] < responses.size()) {
      int before = next[0];
      try {
        LoopResult r = loop.run(recorded, new NativeAgentLoop.ModelSettings(brain.model(), brain.temperature(), brain.maxTokens()),
            prompt, observed, limits, (m, u) -> 0.0, NativeAgentLoop.CallMeter.NONE);
        if (next[0] == before || r.iterations() == 0) {
          break;
        }
      } catch (RuntimeException e) {
        // the recording ran out, or a tool failed for good: the sequence so far is what is compared
        break;
      }
    }
    return List.copyOf(called);
  }

  private static AgentTool notRun(String name) {
    return new AgentTool() {
      @Override
      public ToolSpec spec() {
        return new ToolSpec(name, "recorded tool, not run in a replay", Map.of("type", "object"));
      }

      @Override
      public ToolOutcome invoke(String argumentsJson) {
        return ToolOutcome.error("replay: " + name + " is not run in a replay");
      }
    };
  }

  private static Result compare(String id, List<String> recorded, List<String> replayed) {
    for (int i = 0; i < Math.max(recorded.size(), replayed.size()); i++) {
      String was = i < recorded.size() ? recorded.get(i) : "(none)";
      String now = i < replayed.size() ? replayed.get(i) : "(none)";
      if (!was.equals(now)) {
        return new Result(false, replayed.size(), "replay: " + id + " diverged at tool call " + (i + 1) + ": recorded "
            + was + ", replayed " + now);
      }
    }
    return new Result(true, replayed.size(), "replay: " + id + " tool sequence matches (" + replayed.size() + " calls)");
  }

  private static List<JsonNode> ofType(List<JsonNode> records, String type) {
    return records.stream().filter(r -> type.equals(r.path("type").asText())).toList();
  }
}
