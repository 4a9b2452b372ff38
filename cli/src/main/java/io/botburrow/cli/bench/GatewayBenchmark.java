package io.botburrow.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.devkit.llm.ScriptedLlmServer;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.gateway.Gateways;
import io.botburrow.gateway.auth.Caller;
import io.botburrow.gateway.budget.AgentLimits;
import io.botburrow.gateway.budget.BudgetLimits;
import io.botburrow.gateway.budget.BudgetStore;
import io.botburrow.gateway.budget.memory.InMemoryBudgetStore;
import io.botburrow.gateway.budget.redis.RedisBudgetStore;
import io.botburrow.gateway.budget.redis.RespClient;
import io.botburrow.gateway.front.GatewayServer;
import io.botburrow.gateway.routing.Deployment;
import io.botburrow.gateway.routing.Cooldowns;
import io.botburrow.gateway.routing.GatewayRoutes;
import io.botburrow.gateway.routing.memory.InMemoryCooldowns;
import io.botburrow.gateway.routing.redis.RedisCooldowns;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.net.URI;
import io.botburrow.gateway.provider.http.Http1Client;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
    LocalRedis localRedis = null;
    RespClient resp = null;
    try (var model = new ScriptedLlmServer().recordRequests(false).start(0)) {
      var interval = Duration.ofMillis(eventIntervalMs);
      model.defaultResponder(request -> ScriptedTurn.text("The answer is forty-two, as always.").withUsage(20, 8)
          .withEventInterval(interval));
      BudgetStore store;
      Cooldowns cooldowns;
      if ("memory".equals(budgetStore)) {
        store = new InMemoryBudgetStore();
        cooldowns = new InMemoryCooldowns(Clock.systemUTC(), Duration.ofMinutes(1), Duration.ofHours(1));
      } else {
        var url = System.getenv("REDIS_URL");
        if (url == null || url.isBlank()) {
          localRedis = LocalRedis.start();
          url = localRedis.url();
        }
        resp = new RespClient(url, null, Duration.ofSeconds(5), Duration.ofSeconds(3));
        store = new RedisBudgetStore(resp);
        // as a deployed gateway: deployment rests shared in Redis (read at most once a second)
        cooldowns = new RedisCooldowns(resp, Clock.systemUTC(), Duration.ofMinutes(1), Duration.ofHours(1),
            Duration.ofSeconds(1));
      }
      var deployment = new Deployment("scripted", "openai", model.baseUrl(), "scripted-model", "");
      // limits far above what the run spends: every call reserves and settles, none is refused
      var limits = new BudgetLimits(0, 1_000, 1_000, 1_000, 1_000);
      var gateway = Gateways.build(new GatewayRoutes(Map.of("scripted", deployment), Map.of("bench", List.of(deployment))),
          store, cooldowns, new AgentLimits(limits, Map.of()), new SimpleMeterRegistry(), SECRET, Clock.systemUTC(),
          false);
      try (var server = new GatewayServer(gateway, new ObjectMapper(), 4 << 20).start("127.0.0.1", 0)) {
        var token = gateway.tokens().mint(new Caller("bench", "bench-1", "bench", Instant.now().plusSeconds(3600), 0,
            List.of()));
        var direct = URI.create(model.baseUrl() + "/chat/completions");
        var through = URI.create(server.baseUrl() + "/chat/completions");
        System.out.printf(Locale.ROOT, "budgets and deployment rests in %s, scripted model streams with %d ms between "
            + "events, load average %s%n", resp == null ? "memory" : "Redis", eventIntervalMs, loadAverage());
        Arm[] last = null;
        for (boolean stream : new boolean[] {false, true}) {
          for (int callers : new int[] {1, 32}) {
            try (var pool = Executors.newFixedThreadPool(callers)) {
              var d = new Arm(request(direct, "scripted-model", token, stream), pool);
              var g = new Arm(request(through, "bench", token, stream), pool);
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
                  d.latencies.percentile(50), d.latencies.percentile(99), g.latencies.percentile(50),
                  g.latencies.percentile(99), d.cpuMicrosPerCall(), g.cpuMicrosPerCall(), d.latencies.count(),
                  g.latencies.count(), rounds, d.gcMillis, g.gcMillis);
              last = new Arm[] {d, g};
            }
          }
        }
        // other processes' load falls on both arms, but the gateway arm needs more CPU: say how busy it was
        System.out.printf(Locale.ROOT, "load average at the end %s (%d cores)%n", loadAverage(),
            Runtime.getRuntime().availableProcessors());
        var d = last[0].latencies;
        var g = last[1].latencies;
        System.out.printf(Locale.ROOT, "gateway-overhead: p50 %.2f ms p99 %.2f ms (direct p50 %.2f ms p99 %.2f ms)%n",
            g.percentile(50) - d.percentile(50), g.percentile(99) - d.percentile(99), d.percentile(50),
            d.percentile(99));
      }
    } finally {
      http.close();
      if (resp != null) {
        resp.close();
      }
      if (localRedis != null) {
        localRedis.close();
      }
    }
    return 0;
  }

  /**
   * Both arms, unmeasured, until the JIT has compiled their paths and every caller has its kept-alive
   * connections; then a collection, so that neither arm starts with the other's garbage.
   */
  private void warmUp(Arm direct, Arm gateway, int callers) throws Exception {
    for (int i = 0; i < 2; i++) {
      direct.exercise(callers, Math.max(400, 4 * callers));
      gateway.exercise(callers, Math.max(400, 4 * callers));
    }
    System.gc();
  }

  /** One call of an arm: where it goes and what it sends. */
  private record Request(URI uri, Map<String, String> headers, byte[] body) {}

  private static Request request(URI uri, String model, String token, boolean stream) {
    var body = "{\"model\":\"" + model + "\",\"stream\":" + stream
        + ",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"What is the answer?\"}]}";
    // the direct arm carries the token too (the scripted model ignores it): both arms send the same bytes' worth
    return new Request(uri, Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token),
        body.getBytes(StandardCharsets.UTF_8));
  }

  /** One way of calling the model: its latencies and the process CPU time its calls took. */
  private final class Arm {
    final Request request;
    /** The callers' threads, the same for both arms and kept over the rounds. */
    final java.util.concurrent.ExecutorService pool;
    final Latencies latencies = new Latencies();
    long cpuNanos;
    long calls;
    long gcMillis;

    Arm(Request request, java.util.concurrent.ExecutorService pool) {
      this.request = request;
      this.pool = pool;
    }

    void run(int callers, int count) throws Exception {
      long cpu = processCpuNanos();
      long gc = gcMillis();
      for (double ms : exercise(callers, count)) {
        latencies.add(ms);
      }
      cpuNanos += processCpuNanos() - cpu;
      gcMillis += gcMillis() - gc;
      calls += Math.max(1, count / callers) * (long) callers;
    }

    double cpuMicrosPerCall() {
      return calls == 0 ? Double.NaN : cpuNanos / 1e3 / calls;
    }

    List<Double> exercise(int callers, int count) throws Exception {
      int perCaller = Math.max(1, count / callers);
      var tasks = new ArrayList<Callable<List<Double>>>();
      for (int c = 0; c < callers; c++) {
        tasks.add(() -> {
          var own = new ArrayList<Double>(perCaller);
          for (int i = 0; i < perCaller; i++) {
            long start = System.nanoTime();
            send(request);
            own.add((System.nanoTime() - start) / 1e6);
          }
          return own;
        });
      }
      var all = new ArrayList<Double>();
      for (var future : pool.invokeAll(tasks)) {
        all.addAll(future.get());
      }
      return all;
    }
  }

  /** The 1-minute load average, or "unknown" off Linux. */
  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** Time the collectors have taken so far (pauses and, for concurrent ones, their cycles). */
  private static long gcMillis() {
    long total = 0;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** One call, until the whole answer (every streamed event and the end of the body) has arrived. */
  private void send(Request request) throws Exception {
    try (var response = http.send("POST", request.uri(), request.headers(), request.body(), Duration.ofSeconds(30))) {
      var body = response.bodyText();
      if (response.status() != 200) {
        throw new IllegalStateException("benchmark call failed with " + response.status() + ": " + body);
      }
    }
  }
}
