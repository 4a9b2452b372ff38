package io.botburrow.cli.bench;

import io.botburrow.devkit.llm.ScriptedLlmServer;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.gateway.Gateways;
import io.botburrow.gateway.auth.Caller;
import io.botburrow.gateway.front.GatewayServer;
import io.botburrow.gateway.routing.Deployment;
import io.botburrow.gateway.routing.GatewayRoutes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
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
 * reservation and settlement, metering), whole and streamed, at 1 and 32 concurrent callers. Prints a
 * line per case and, last, the overhead the gateway adds in the 32-caller streaming case.
 */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    description = {
      "The scripted model called directly and through the LLM gateway, whole and streamed, at 1 and 32 callers.",
      "Prints last: gateway-overhead: p50 X ms p99 Y ms (direct p50 A ms p99 B ms), for 32 streaming callers."
    })
public final class GatewayBenchmark implements Callable<Integer> {
  private static final String SECRET = "bench-gateway-secret-0123456789";

  @Option(names = "--requests", defaultValue = "1600", description = "Requests per case (default ${DEFAULT-VALUE}).")
  int requests;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Override
  public Integer call() throws Exception {
    // streamed events are small writes: without TCP_NODELAY, Nagle and delayed ACKs add ~40 ms to both sides
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try (var model = new ScriptedLlmServer().start(0)) {
      model.defaultResponder(request -> ScriptedTurn.text("The answer is forty-two, as always.").withUsage(20, 8));
      var deployment = new Deployment("scripted", "openai", model.baseUrl(), "scripted-model", "");
      var gateway = Gateways.inMemory(new GatewayRoutes(Map.of("scripted", deployment), Map.of("bench", List.of(deployment))),
          SECRET, Clock.systemUTC());
      try (var server = new GatewayServer(gateway, new com.fasterxml.jackson.databind.ObjectMapper(), 4 << 20)
          .start("127.0.0.1", 0)) {
        var token = gateway.tokens().mint(new Caller("bench", "bench-1", "bench", Instant.now().plusSeconds(3600), 0,
            List.of()));
        var direct = URI.create(model.baseUrl() + "/chat/completions");
        var through = URI.create(server.baseUrl() + "/chat/completions");
        Latencies[] last = new Latencies[2];
        for (boolean stream : new boolean[] {false, true}) {
          for (int callers : new int[] {1, 32}) {
            var d = run(direct, "scripted-model", null, stream, callers);
            var g = run(through, "bench", token, stream, callers);
            System.out.printf(Locale.ROOT, "%s, %d caller(s): direct p50 %.2f ms p99 %.2f ms, gateway p50 %.2f ms p99 %.2f ms%n",
                stream ? "streaming" : "whole", callers, d.percentile(50), d.percentile(99), g.percentile(50),
                g.percentile(99));
            last[0] = d;
            last[1] = g;
          }
        }
        System.out.printf(Locale.ROOT, "gateway-overhead: p50 %.2f ms p99 %.2f ms (direct p50 %.2f ms p99 %.2f ms)%n",
            last[1].percentile(50) - last[0].percentile(50), last[1].percentile(99) - last[0].percentile(99),
            last[0].percentile(50), last[0].percentile(99));
      }
    }
    return 0;
  }

  private Latencies run(URI uri, String model, String token, boolean stream, int callers) throws Exception {
    var body = "{\"model\":\"" + model + "\",\"stream\":" + stream
        + ",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"What is the answer?\"}]}";
    var builder = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    var request = builder.build();
    for (int i = 0; i < 200; i++) {
      send(request);
    }
    var latencies = new Latencies();
    int perCaller = Math.max(1, requests / callers);
    try (var pool = Executors.newFixedThreadPool(callers)) {
      var tasks = new ArrayList<Callable<List<Double>>>();
      for (int c = 0; c < callers; c++) {
        tasks.add(() -> {
          var own = new ArrayList<Double>();
          for (int i = 0; i < perCaller; i++) {
            long start = System.nanoTime();
            send(request);
            own.add((System.nanoTime() - start) / 1e6);
          }
          return own;
        });
      }
      for (var future : pool.invokeAll(tasks)) {
        future.get().forEach(latencies::add);
      }
    }
    return latencies;
  }

  private void send(HttpRequest request) throws Exception {
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("benchmark call failed with " + response.statusCode() + ": " + response.body());
    }
  }
}
