package io.botburrow.runner.executor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.gateway.Gateway;
import io.botburrow.gateway.auth.Caller;
import io.botburrow.gateway.front.FrontHooks;
import io.botburrow.gateway.front.GatewayServer;
import io.botburrow.gateway.routing.Deployment;
import io.botburrow.gateway.routing.DeploymentChain;
import io.botburrow.llm.Usage;
import io.botburrow.runner.agent.NativeAgentLoop;
import io.botburrow.runner.llm.GatewayChatModelSource;
import io.botburrow.runner.llm.ModelRoute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's LLM gateway as CLI agents reach it: the gateway's HTTP front on a loopback port of the
 * runner, and per activation a unix socket in its sandbox's run directory (bind-mounted into the
 * sandbox) forwarded to it. Each activation gets a token naming it; its calls are routed
 * like the native loop's (the agent's allowed endpoint for model names the gateway does not know) and
 * metered into the activation's tally.
 */
public final class CliGateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CliGateway.class);
  /** The socket's name inside the directory mounted into the sandbox. */
  public static final String SOCKET_NAME = "gateway.sock";
  private final Gateway gateway;
  private final Duration timeout;
  private final String tenant;
  private final BiFunction<String, Usage, Double> pricing;
  private final Map<String, Lease> leases = new ConcurrentHashMap<>();
  private final GatewayServer server;

  private record Lease(ModelRoute route, NativeAgentLoop.CallMeter meter) {}

  /** Starts the front on {@code 127.0.0.1} (a free port). */
  public CliGateway(Gateway gateway, ObjectMapper mapper, int maxBodyBytes, Duration timeout, String tenant,
      BiFunction<String, Usage, Double> pricing) {
    this.gateway = gateway;
    this.timeout = timeout;
    this.tenant = tenant;
    this.pricing = pricing;
    this.server = new GatewayServer(gateway, mapper, maxBodyBytes, new Hooks()).start("127.0.0.1", 0);
  }

  /**
   * Opens the gateway for one activation: mints its token, makes its socket. Close the access when the
   * activation ends: the socket goes and the token's routes are forgotten (the token itself expires
   * at {@code deadline}).
   *
   * @param models the agent's model chain, the route's model first
   * @param dir the sandbox's run directory, where the socket is made
   */
  public Access open(String agent, String activationId, Instant deadline, long tokenLimit, List<String> models,
      ModelRoute route, NativeAgentLoop.CallMeter meter, Path dir) {
    String token = gateway.tokens().mint(new Caller(agent, activationId, tenant, deadline, tokenLimit, models));
    leases.put(activationId, new Lease(route, meter));
    UnixSocketProxy proxy;
    try {
      proxy = new UnixSocketProxy(dir.resolve(SOCKET_NAME), new InetSocketAddress("127.0.0.1", server.port()));
    } catch (RuntimeException e) {
      leases.remove(activationId);
      throw e;
    }
    return new Access(activationId, token, dir, proxy);
  }

  /** One activation's way to the gateway. */
  public final class Access implements AutoCloseable {
    private final String activationId;
    private final String token;
    private final Path directory;
    private final UnixSocketProxy proxy;

    private Access(String activationId, String token, Path directory, UnixSocketProxy proxy) {
      this.activationId = activationId;
      this.token = token;
      this.directory = directory;
      this.proxy = proxy;
    }

    /** The activation's gateway token: the only credential its CLI gets. */
    public String token() {
      return token;
    }

    /** The host directory holding the socket (the sandbox's run directory). */
    public Path directory() {
      return directory;
    }

    @Override
    public void close() {
      proxy.close();
      leases.remove(activationId);
    }
  }

  /** Told of what the gateway refused an activation: a spent budget ends its CLI's run with that reason. */
  public interface Refusals {
    void refused(RuntimeException failure);
  }

  /** Routes and meters calls by the activation their token names. */
  private final class Hooks implements FrontHooks {
    @Override
    public Optional<Deployment> implicit(Caller caller, String model) {
      Lease lease = leases.get(caller.activation());
      return lease == null ? Optional.empty() : Optional.of(GatewayChatModelSource.onEndpoint(lease.route(), model, timeout));
    }

    @Override
    public void served(Caller caller, DeploymentChain.Served served) {
      Lease lease = leases.get(caller.activation());
      if (lease != null) {
        String model = served.deployment().model();
        Usage usage = served.response().usage();
        lease.meter().called(model, usage, pricing.apply(model, usage));
        if (lease.meter() instanceof io.botburrow.runner.llm.ModelCallObserver observer) {
          // the front knows neither the request nor when it arrived: the audit records the answer and who gave it
          var response = served.response();
          observer.served(null, new io.botburrow.llm.ChatResponse(response.content(), response.toolCalls(), usage,
              response.finishReason(), model), served.deployment().name(), served.skipped().stream()
              .map(s -> new io.botburrow.runner.llm.ModelCallObserver.Skipped(s.deployment(), s.reason())).toList(), null);
        }
      }
    }

    @Override
    public void refused(Caller caller, RuntimeException failure) {
      Lease lease = leases.get(caller.activation());
      if (lease != null && lease.meter() instanceof Refusals refusals) {
        refusals.refused(failure);
      }
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
