package io.botburrow.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.devkit.llm.ScriptedLlmServer;
import io.botburrow.devkit.llm.ScriptedResponder;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.gateway.Gateway;
import io.botburrow.gateway.Gateways;
import io.botburrow.gateway.auth.Caller;
import io.botburrow.gateway.budget.AgentLimits;
import io.botburrow.gateway.budget.BudgetLimits;
import io.botburrow.gateway.front.GatewayServer;
import io.botburrow.gateway.provider.http.Http1Client;
import io.botburrow.gateway.routing.Deployment;
import io.botburrow.gateway.routing.GatewayRoutes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The scripted model called directly and through the gateway's HTTP front (token check, routing, budget
 * reservation and settlement in Redis, metering), whole and streamed, at 1 and 32 concurrent callers.
 * Both arms use the same client, the same request (token header included) and the same scripted server;
 * they alternate in rounds so that load from elsewhere on the machine falls on both alike. Prints a line
 * per case and, last, the overhead the gateway adds in the 32-caller streaming case.
 */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    description = {
      "The scripted model called directly and through the LLM gateway, whole and streamed, at 1 and 32 callers.",
      "Prints last: gateway-overhead: p50 X ms p99 Y ms (direct p50 A ms p99 B ms), for 32 streaming callers.",
      "Budgets are kept in Redis (REDIS_URL, or a redis-server started for the run) unless --budget-store memory."
    })
public final class GatewayBenchmark implements Callable<Integer> {
  private static final String SECRET = "bench-gateway-secret-0123456789";

  @Option(names = "--requests", defaultValue = "1600",
      description = "Requests per arm in the 1-caller cases (default ${DEFAULT-VALUE}).")
  int requests;

  @Option(names = "--concurrent-requests", defaultValue = "12800",
      description = "Requests per arm in the 32-caller cases (default ${DEFAULT-VALUE}): the p99 of the headline "
          + "figure rests on its slowest 1 %%, so it needs many more samples than a median.")
  int concurrentRequests;

  @Option(names = "--round-requests", defaultValue = "400",
      description = "Requests per arm between two alternations of the arms (default ${DEFAULT-VALUE}).")
  int roundRequests;

  @Option(names = "--event-interval-ms", defaultValue = "2",
      description = "Pause of the scripted model between streamed events, as a model generating tokens takes "
          + "(default ${DEFAULT-VALUE}; 0 streams back to back and measures CPU saturation instead).")
  long eventIntervalMs;

  @Option(names = "--budget-store", defaultValue = "redis", description = "redis or memory (default ${DEFAULT-VALUE}).")
  String budgetStore;

  /**
   * The callers' client, the same for both arms: blocking HTTP/1.1 on the caller's thread with kept-alive
   * connections. In production callers run elsewhere; a lean client leaves the two cores to the servers.
   */
  private final Http1Client http = new Http1Client(Duration.ofSeconds(5));

  @Override
  public Integer call() throws Exception {
    // streamed events are small writes: without TCP_NODELAY, Nagle and delayed ACKs add ~40 ms to both sides
    System.setProperty("sun.net.httpserver.nodelay", "true");
    var stores = new GatewayStores();
    try (var model = new ScriptedLlmServer().recordRequests(false).start(0)) {
      model.defaultResponder(answer(Duration.ofMillis(eventIntervalMs)));
      stores.open(budgetStore);
      var gateway = gateway(model, stores);
      try (var server = new GatewayServer(gateway, new ObjectMapper(), 4 << 20).start("127.0.0.1", 0)) {
        var token = gateway.tokens().mint(new Caller("bench", "bench-1", "bench", Instant.now().plusSeconds(3600), 0,
            List.of()));
        var direct = URI.create(model.baseUrl() + "/chat/completions");
        var through = URI.create(server.baseUrl() + "/chat/completions");
        System.out.printf(Locale.ROOT, "budgets and deployment rests in %s, scripted model streams with %d ms between "
            + "events, load average %s%n", stores.where(), eventIntervalMs, ProcessGauges.loadAverage());
        GatewayArm[] last = runCases(direct, through, token);
        // other processes' load falls on both arms, but the gateway arm needs more CPU: say how busy it was
        System.out.printf(Locale.ROOT, "load average at the end %s (%d cores)%n", ProcessGauges.loadAverage(),
            Runtime.getRuntime().availableProcessors());
        printOverhead(last[0].latencies(), last[1].latencies());
      }
    } finally {
      http.close();
      stores.close();
    }
    return 0;
  }

  private static ScriptedResponder answer(Duration interval) {
    return request -> ScriptedTurn.text("The answer is forty-two, as always.").withUsage(20, 8)
        .withEventInterval(interval);
  }

  private static Gateway gateway(ScriptedLlmServer model, GatewayStores stores) {
    var deployment = new Deployment("scripted", "openai", model.baseUrl(), "scripted-model", "");
    // limits far above what the run spends: every call reserves and settles, none is refused
    var limits = new BudgetLimits(0, 1_000, 1_000, 1_000, 1_000);
    return Gateways.build(new GatewayRoutes(Map.of("scripted", deployment), Map.of("bench", List.of(deployment))),
        stores.budgets(), stores.cooldowns(), new AgentLimits(limits, Map.of()), new SimpleMeterRegistry(), SECRET,
        Clock.systemUTC(), false);
  }

  /** Whole, then streamed, each at 1 and at 32 callers; returns the last case's arms, direct first. */
  private GatewayArm[] runCases(URI direct, URI through, String token) throws Exception {
    GatewayArm[] last = null;
    for (boolean stream : new boolean[] {false, true}) {
      for (int callers : new int[] {1, 32}) {
        try (var pool = Executors.newFixedThreadPool(callers)) {
          var d = new GatewayArm(http, GatewayArm.request(direct, "scripted-model", token, stream), pool);
          var g = new GatewayArm(http, GatewayArm.request(through, "bench", token, stream), pool);
          runCase(d, g, callers, stream);
          last = new GatewayArm[] {d, g};
        }
      }
    }
    return last;
  }

  private void runCase(GatewayArm d, GatewayArm g, int callers, boolean stream) throws Exception {
    warmUp(d, g, callers);
    int total = callers == 1 ? requests : concurrentRequests;
    int rounds = Math.max(2, total / Math.max(callers, roundRequests));
    for (int round = 0; round < rounds; round++) {
      // ABBA: neither arm always runs first, after the other arm's leftovers
      var first = round % 2 == 0 ? d : g;
      var second = first == d ? g : d;
      first.run(callers, total / rounds);
      second.run(callers, total / rounds);
    }
    System.out.printf(Locale.ROOT, "%s, %d caller(s): direct p50 %.2f ms p99 %.2f ms, gateway p50 %.2f ms "
            + "p99 %.2f ms (CPU per call: direct %.0f us, gateway %.0f us; %d and %d calls in %d rounds; GC "
            + "pauses: direct %d ms, gateway %d ms)%n", stream ? "streaming" : "whole", callers,
        d.latencies().percentile(50), d.latencies().percentile(99), g.latencies().percentile(50),
        g.latencies().percentile(99), d.cpuMicrosPerCall(), g.cpuMicrosPerCall(), d.latencies().count(),
        g.latencies().count(), rounds, d.gcMillis(), g.gcMillis());
  }

  /**
   * Both arms, unmeasured, until the JIT has compiled their paths and every caller has its kept-alive
   * connections; then a collection, so that neither arm starts with the other's garbage.
   */
  private void warmUp(GatewayArm direct, GatewayArm gateway, int callers) throws Exception {
    for (int i = 0; i < 2; i++) {
      direct.exercise(callers, Math.max(400, 4 * callers));
      gateway.exercise(callers, Math.max(400, 4 * callers));
    }
    System.gc();
  }

  private static void printOverhead(Latencies d, Latencies g) {
    System.out.printf(Locale.ROOT, "gateway-overhead: p50 %.2f ms p99 %.2f ms (direct p50 %.2f ms p99 %.2f ms)%n",
        g.percentile(50) - d.percentile(50), g.percentile(99) - d.percentile(99), d.percentile(50),
        d.percentile(99));
  }
}
