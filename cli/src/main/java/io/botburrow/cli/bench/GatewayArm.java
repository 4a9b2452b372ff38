package io.botburrow.cli.bench;

import io.botburrow.gateway.provider.http.Http1Client;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

/**
 * One way of calling the model in the gateway benchmark, directly or through the gateway: its latencies
 * and the process CPU time and collector time its calls took.
 */
final class GatewayArm {
  /** One call of an arm: where it goes and what it sends. */
  record Request(URI uri, Map<String, String> headers, byte[] body) {}

  private final Http1Client http;
  private final Request request;
  /** The callers' threads, the same for both arms and kept over the rounds. */
  private final ExecutorService pool;
  private final Latencies latencies = new Latencies();
  private long cpuNanos;
  private long calls;
  private long gcMillis;

  /** @param http the callers' client, the same for both arms */
  GatewayArm(Http1Client http, Request request, ExecutorService pool) {
    this.http = http;
    this.request = request;
    this.pool = pool;
  }

  static Request request(URI uri, String model, String token, boolean stream) {
    var body = "{\"model\":\"" + model + "\",\"stream\":" + stream
        + ",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"What is the answer?\"}]}";
    // the direct arm carries the token too (the scripted model ignores it): both arms send the same bytes' worth
    return new Request(uri, Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token),
        body.getBytes(StandardCharsets.UTF_8));
  }

  Latencies latencies() {
    return latencies;
  }

  long gcMillis() {
    return gcMillis;
  }

  /** {@code count} calls over {@code callers} threads, measured. */
  void run(int callers, int count) throws Exception {
    long cpu = ProcessGauges.processCpuNanos();
    long gc = ProcessGauges.gcMillis();
    for (double ms : exercise(callers, count)) {
      latencies.add(ms);
    }
    cpuNanos += ProcessGauges.processCpuNanos() - cpu;
    gcMillis += ProcessGauges.gcMillis() - gc;
    calls += Math.max(1, count / callers) * (long) callers;
  }

  double cpuMicrosPerCall() {
    return calls == 0 ? Double.NaN : cpuNanos / 1e3 / calls;
  }

  /** {@code count} calls over {@code callers} threads: the latency of each, in milliseconds. */
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
