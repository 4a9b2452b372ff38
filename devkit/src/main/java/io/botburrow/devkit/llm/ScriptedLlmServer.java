package io.botburrow.devkit.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenAI-compatible (chat completions and Responses API), Anthropic Messages and Gemini generateContent HTTP server on 127.0.0.1 that validates every request
 * like a real provider and answers with scripted turns. For tests and the offline development mode.
 *
 * <pre>{@code
 * try (var llm = new ScriptedLlmServer().start(0)) {
 *   llm.enqueueFor("research-agent", ScriptedTurn.toolCall("hub_search", "{\"query\":\"rust\"}"),
 *       ScriptedTurn.text("Found it.").withUsage(120, 8));
 *   // point an LlmEndpoint at llm.baseUrl() ...
 * }
 * }</pre>
 */
public final class ScriptedLlmServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScriptedLlmServer.class);
  static final Duration DEFAULT_AWAIT = Duration.ofSeconds(10);

  private final ScriptBook script = new ScriptBook();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final BlockingQueue<HeldTurn> newlyHeld = new LinkedBlockingQueue<>();
  private final Set<HeldTurn> held = ConcurrentHashMap.newKeySet();
  private final ScriptedExchange exchange;
  private volatile String requiredApiKey;
  private volatile boolean recording = true;
  private volatile List<String> models = List.of("scripted-model", "offline-demo");
  private HttpServer server;
  private ExecutorService executor;

  public ScriptedLlmServer() {
    this(new ObjectMapper(), Clock.systemUTC());
  }

  public ScriptedLlmServer(ObjectMapper mapper, Clock clock) {
    var ids = new AtomicLong();
    this.exchange = new ScriptedExchange(mapper, clock, this, new OpenAiWire(mapper, ids, clock),
        new AnthropicWire(mapper, ids), new ResponsesWire(mapper, ids, clock), new GeminiWire(mapper, ids));
  }

  /** Binds 127.0.0.1:{@code port} (0 picks a free port) and starts serving. */
  public synchronized ScriptedLlmServer start(int port) {
    if (server != null) {
      throw new IllegalStateException("already started on port " + port());
    }
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind 127.0.0.1:" + port, e);
    }
    executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    server.createContext("/", exchange::handle);
    server.start();
    LOG.info("Scripted LLM server listening on {}", baseUrl());
    return this;
  }

  public int port() {
    return Objects.requireNonNull(server, "not started").getAddress().getPort();
  }

  /** The OpenAI-style base URL, {@code http://127.0.0.1:PORT/v1}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port() + "/v1");
  }

  /** The Anthropic-style base URL, {@code http://127.0.0.1:PORT} (the client appends {@code /v1/messages}). */
  public URI anthropicBaseUrl() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /** The Gemini-style base URL, {@code http://127.0.0.1:PORT/v1beta} (the client appends {@code /models/...}). */
  public URI geminiBaseUrl() {
    return URI.create("http://127.0.0.1:" + port() + "/v1beta");
  }

  /** From now on, requests without this key get 401. Null turns the check off. */
  public ScriptedLlmServer requireApiKey(String apiKey) {
    this.requiredApiKey = apiKey;
    return this;
  }

  /** The model ids {@code GET /v1/models} lists. */
  public ScriptedLlmServer models(String... ids) {
    this.models = List.of(ids);
    return this;
  }

  /** Queues answers for any conversation, after the conversation-specific ones. */
  public ScriptedLlmServer enqueue(ScriptedTurn... turns) {
    for (var turn : turns) {
      script.enqueue(turn);
    }
    return this;
  }

  /**
   * Queues answers for requests whose system prompt or first user message contains {@code key}
   * (e.g. the agent's name).
   */
  public ScriptedLlmServer enqueueFor(String key, ScriptedTurn... turns) {
    for (var turn : turns) {
      script.enqueue(key, turn);
    }
    return this;
  }

  /** Answers requests no queued turn is left for. Without one, such requests get 400 {@code no_scripted_turn}. */
  public ScriptedLlmServer defaultResponder(ScriptedResponder responder) {
    script.defaultResponder(responder);
    return this;
  }

  /**
   * Whether requests are kept for {@link #requests()} (the default). Benchmarks turn it off: the log
   * grows with every request and would slow later requests down.
   */
  public ScriptedLlmServer recordRequests(boolean on) {
    this.recording = on;
    return this;
  }

  /** Queued turns not served yet. */
  public int pendingTurns() {
    return script.pending();
  }

  /** Every request received so far, in arrival order (rejected ones included). */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The requests whose raw body contains {@code text}. */
  public List<RecordedRequest> requestsContaining(String text) {
    return requests.stream().filter(request -> request.contains(text)).toList();
  }

  /** Forgets queued turns and recorded requests; keeps the default responder and the key. */
  public void reset() {
    script.clear();
    requests.clear();
  }

  /** Waits up to 10 s for a held turn to be reached; each held turn is returned once. */
  public HeldTurn awaitHeld() {
    return awaitHeld(DEFAULT_AWAIT);
  }

  public HeldTurn awaitHeld(Duration max) {
    try {
      var turn = newlyHeld.poll(max.toMillis(), TimeUnit.MILLISECONDS);
      if (turn == null) {
        throw new IllegalStateException("no held turn was reached within " + max);
      }
      return turn;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a held turn", e);
    }
  }

  /** Stops serving; held turns are released so that no request thread stays blocked. */
  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    held.forEach(HeldTurn::release);
    server.stop(0);
    executor.close();
    server = null;
    LOG.info("Scripted LLM server stopped");
  }

  // --- used by ScriptedExchange and its ExchangeWriter ---

  ScriptBook script() {
    return script;
  }

  String requiredApiKey() {
    return requiredApiKey;
  }

  List<String> modelIds() {
    return models;
  }

  void record(RecordedRequest request) {
    if (recording) {
      requests.add(request);
    }
  }

  HeldTurn hold(RecordedRequest request) {
    var turn = new HeldTurn(request);
    held.add(turn);
    newlyHeld.add(turn);
    return turn;
  }

  void unhold(HeldTurn turn) {
    held.remove(turn);
  }
}
