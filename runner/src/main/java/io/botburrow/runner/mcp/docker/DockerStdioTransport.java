package io.botburrow.runner.mcp.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.botburrow.runner.sandbox.docker.QueueInputStream;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * MCP client transport over a container's stdio (newline-delimited JSON-RPC), through docker-java's
 * attach. {@code connect} attaches, waits for the attach to be established and only then starts the
 * container, so no early output is lost; messages sent before that are queued in stdin. When the
 * stream ends, requests still waiting get an error answer at once instead of hanging until timeout.
 */
public final class DockerStdioTransport implements McpClientTransport {
  private static final Logger LOG = LoggerFactory.getLogger(DockerStdioTransport.class);
  private static final int MAX_LINE_BYTES = 16 << 20;
  private static final int STDERR_TAIL_LINES = 20;
  /** JSON-RPC "server error" range; tells the caller the sidecar went away. */
  static final int STREAM_ENDED_CODE = -32000;

  private final DockerClient docker;
  private final String containerId;
  private final String server;
  private final McpJsonMapper mapper;
  private final Duration attachTimeout;
  private final UnaryOperator<String> redactor;
  private final QueueInputStream stdin = new QueueInputStream();
  private final Sinks.Many<JSONRPCMessage> inbound = Sinks.many().unicast().onBackpressureBuffer();
  private final Set<Object> pendingRequestIds = ConcurrentHashMap.newKeySet();
  private final Deque<String> stderrTail = new ArrayDeque<>();
  private volatile boolean ended;
  private volatile AttachCallback attach;

  /**
   * @param redactor hides the sidecar's credentials in what it writes besides JSON-RPC (stderr, stray
   *     stdout lines) before that is logged or kept for an error message
   */
  public DockerStdioTransport(DockerClient docker, String containerId, String server, McpJsonMapper mapper,
      Duration attachTimeout, UnaryOperator<String> redactor) {
    this.docker = docker;
    this.containerId = containerId;
    this.server = server;
    this.mapper = mapper;
    this.attachTimeout = attachTimeout;
    this.redactor = redactor;
  }

  @Override
  public Mono<Void> connect(Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
    return Mono.<Void>fromRunnable(() -> {
      inbound.asFlux().flatMap(message -> Mono.just(message).transform(handler)).subscribe();
      AttachCallback callback = docker.attachContainerCmd(containerId).withStdIn(stdin)
          .withStdOut(true).withStdErr(true).withFollowStream(true).exec(new AttachCallback());
      attach = callback;
      try {
        if (!callback.awaitStarted(attachTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new IllegalStateException("attach to MCP server " + server + " not established in " + attachTimeout);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while attaching to MCP server " + server, e);
      }
      docker.startContainerCmd(containerId).exec();
    }).subscribeOn(Schedulers.boundedElastic());
  }

  @Override
  public Mono<Void> sendMessage(JSONRPCMessage message) {
    if (ended) {
      return Mono.error(new IOException("MCP server " + server + " has ended"));
    }
    try {
      // Messages are one line each: escape the line breaks a pretty printer might add.
      String json = mapper.writeValueAsString(message).replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
      if (message instanceof McpSchema.JSONRPCRequest request) {
        pendingRequestIds.add(request.id());
      }
      stdin.write((json + "\n").getBytes(StandardCharsets.UTF_8));
      return Mono.empty();
    } catch (IOException e) {
      return Mono.error(e);
    }
  }

  @Override
  public Mono<Void> closeGracefully() {
    return Mono.fromRunnable(this::closeStreams);
  }

  /** With StdInOnce, ending stdin and closing the attach stops the server process. */
  private void closeStreams() {
    ended = true;
    stdin.close();
    AttachCallback callback = attach;
    if (callback != null) {
      try {
        callback.close();
      } catch (IOException e) {
        LOG.debug("McpServer(name={}) attach close failed: {}", server, e.toString());
      }
    }
    inbound.tryEmitComplete();
  }

  @Override
  public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
    return mapper.convertValue(data, typeRef);
  }

  /** The last lines the server wrote to stderr (redacted), for error messages. */
  public synchronized List<String> stderrTail() {
    return List.copyOf(stderrTail);
  }

  private synchronized void rememberStderr(String line) {
    if (stderrTail.size() == STDERR_TAIL_LINES) {
      stderrTail.removeFirst();
    }
    stderrTail.addLast(line);
  }

  private void receive(String line) {
    if (line.isBlank()) {
      return;
    }
    try {
      JSONRPCMessage message = McpSchema.deserializeJsonRpcMessage(mapper, line);
      if (message instanceof McpSchema.JSONRPCResponse response) {
        pendingRequestIds.remove(response.id());
      }
      inbound.emitNext(message, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
    } catch (IOException | RuntimeException e) {
      LOG.warn("McpServer(name={}) sent a line that is not JSON-RPC, ignored: {}", server, redactor.apply(e.toString()));
    }
  }

  /** Answers every request still waiting with an error, then completes the inbound stream. */
  private void streamEnded(Throwable cause) {
    ended = true;
    String reason = "MCP server " + server + " ended" + (cause == null ? "" : ": " + cause.getMessage());
    for (Object id : Set.copyOf(pendingRequestIds)) {
      pendingRequestIds.remove(id);
      inbound.emitNext(McpSchema.JSONRPCResponse.error(id,
          new McpSchema.JSONRPCResponse.JSONRPCError(STREAM_ENDED_CODE, reason)),
          Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
    }
    inbound.tryEmitComplete();
  }

  private final class AttachCallback extends ResultCallback.Adapter<Frame> {
    private final LineAssembler stdout = new LineAssembler(MAX_LINE_BYTES);
    private final LineAssembler stderr = new LineAssembler(MAX_LINE_BYTES);

    @Override
    public void onNext(Frame frame) {
      // accept() copies: docker-java reuses the frame's buffer after this call.
      if (frame.getStreamType() == StreamType.STDERR) {
        stderr.accept(frame.getPayload()).stream().map(redactor).forEach(line -> {
          LOG.debug("McpServer(name={}) stderr: {}", server, line);
          rememberStderr(line);
        });
      } else {
        stdout.accept(frame.getPayload()).forEach(DockerStdioTransport.this::receive);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      streamEnded(ended ? null : throwable);
      super.onError(throwable);
    }

    @Override
    public void onComplete() {
      streamEnded(null);
      super.onComplete();
    }
  }
}
