package io.botburrow.cli.bench;

import io.botburrow.agents.s3.S3Properties;
import io.botburrow.cli.Services;
import io.botburrow.coordinator.operator.OperatorProperties;
import io.botburrow.devhub.DevHubServer;
import io.botburrow.devkit.ClosingStack;
import io.botburrow.devkit.agents.ScriptedAgents;
import io.botburrow.devkit.llm.ScriptedLlmServer;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.devkit.s3.EmbeddedS3;
import io.botburrow.queue.redis.RedisQueueKeys;
import io.botburrow.redis.RedisProperties;
import io.botburrow.redis.RedissonFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The heap of one runner running many activations at once. A local redis-server, an embedded S3 with
 * the agents, the development Hub and a coordinator run in this process; the runner runs in a process
 * of its own, with a heap limit and a GC log, so that only its heap is measured. Every agent is
 * mentioned before the coordinator starts, so its first poll enqueues them all at once; the scripted
 * model answers each request after a delay, so the activations (native agent loop) overlap. The figure is the largest heap in use after a collection (what the
 * runner keeps), beside the largest before one (what it allocated meanwhile) and the idle runner's.
 */
final class RunnerDensityBenchmark {
  private static final String LLM_KEY = "sk-bench";
  private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(3);
  // "GC(12) Pause Young (Normal) (G1 Evacuation Pause) 120M->45M(512M) 3.456ms"
  private static final Pattern HEAP = Pattern.compile("GC\\(\\d+\\) Pause .* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

  /** What a run measured. */
  record Result(int activations, int slots, int peakConcurrent, long maxAfterGcMb, long maxBeforeGcMb, long idleMb,
      String heapLimit) {
    String line() {
      return String.format(
          "runner-density: %d concurrent activations, heap max %d MB (in use after GC; before GC up to %d MB at -Xmx%s;"
              + " idle runner %d MB)",
          peakConcurrent, maxAfterGcMb, maxBeforeGcMb, heapLimit, idleMb);
    }
  }

  private RunnerDensityBenchmark() {}

  static Result run(int activations, int slots, Duration answerAfter, String heapLimit, PrintStream log)
      throws IOException, InterruptedException {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    Path work = Files.createTempDirectory("botburrow-bench-density-");
    Path gcLog = work.resolve("runner-gc.log");
    try (ClosingStack started = new ClosingStack(e -> log.println("while stopping: " + e))) {
      LocalRedis redis = started.push(LocalRedis.start());
      EmbeddedS3 s3 = started.push(EmbeddedS3.startInMemory("bench-access", "bench-secret"));
      S3Properties s3Props = S3Properties.of(s3.endpoint(), S3Properties.DEFAULT_BUCKET, s3.accessKey(), s3.secretKey());
      List<String> agents = ScriptedAgents.names("density-agent", activations, 3);
      BenchSystem.upload(s3Props, agents);
      ScriptedLlmServer llm = started.push(new ScriptedLlmServer().requireApiKey(LLM_KEY).defaultResponder(request -> {
        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
          LockSupport.parkNanos(answerAfter.toNanos());
          return ScriptedTurn.text("Noted.").withUsage(10, 2);
        } finally {
          inFlight.decrementAndGet();
        }
      }).start(0));
      List<String> seeds = new ArrayList<>(List.of("bench-person:human"));
      agents.forEach(a -> seeds.add(a + ":native"));
      DevHubServer hub = started.push(DevHubServer.start(Map.of("micronaut.server.port", -1,
          "botburrow.hub.seed-agents", seeds, "botburrow.hub.discovery-enabled", false)));
      Map<String, Object> common = new HashMap<>();
      common.put("botburrow.hub.url", hub.baseUrl().toString());
      common.put("botburrow.hub.api-key", hub.adminKey());
      common.put("botburrow.redis.url", redis.url());
      common.put("botburrow.s3.endpoint", s3.endpoint().toString());
      common.put("botburrow.s3.bucket", s3Props.bucket());
      common.put("botburrow.s3.access-key", s3.accessKey());
      common.put("botburrow.s3.secret-key", s3.secretKey());
      common.put("micronaut.server.port", -1);
      Map<String, Object> runner = new HashMap<>(common);
      runner.put("botburrow.llm.override-base-url", llm.baseUrl().toString());
      runner.put("botburrow.llm.override-api-key", LLM_KEY);
      // the native loop answering with Hub tools alone needs no sandbox
      runner.put("botburrow.sandbox.enabled", false);
      Process process = startRunner(runner, slots, heapLimit, gcLog, work.resolve("runner.log"));
      started.push(() -> stop(process));
      BenchHub person = new BenchHub(hub.baseUrl(), hub.adminKey(), "bench-person");
      awaitRunnerReady(process, work.resolve("runner.log"));
      long idle = liveHeapMb(process);
      log.printf("runner-density: runner (pid %d, %d slots, -Xmx%s) idle at %d MB; mentioning %d agents at once%n",
          process.pid(), slots, heapLimit, idle, activations);
      mentionAll(person, agents);
      // the coordinator starts once every mention is posted: its first poll enqueues them all, so the
      // runner's slots fill at once instead of as fast as the mentions were posted
      Map<String, Object> coordinator = new HashMap<>(common);
      coordinator.put(OperatorProperties.DEV_MODE_PROPERTY, true);
      coordinator.put("botburrow.coordinator.poll-batch-size", Math.max(100, activations));
      started.push(Services.start("coordinator", coordinator));
      int running;
      try (RunningSampler sampler = new RunningSampler(redis.url())) {
        settle(person, process);
        running = sampler.peak();
      }
      Heap heap = heapFromGcLog(gcLog);
      log.printf("runner-density: up to %d activations running at once, %d of them waiting for the model%n", running,
          peak.get());
      return new Result(activations, slots, running, heap.maxAfter, heap.maxBefore, idle, heapLimit);
    } finally {
      deleteTree(work);
    }
  }

  /** Samples how many activations hold a lease (the queue's running hash), keeping the largest. */
  private static final class RunningSampler implements AutoCloseable {
    private final RedissonClient client;
    private final Thread thread;
    private final AtomicInteger peak = new AtomicInteger();
    private volatile boolean sampling = true;

    RunningSampler(String url) {
      RedisProperties properties = RedisProperties.forUrl(url);
      client = RedissonFactory.createClient(properties);
      String running = new RedisQueueKeys(properties.keyPrefix()).running();
      thread = Thread.ofPlatform().daemon().name("bench-running-sampler").start(() -> {
        while (sampling) {
          peak.accumulateAndGet(client.getMap(running, StringCodec.INSTANCE).size(), Math::max);
          LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
      });
    }

    int peak() {
      return peak.get();
    }

    @Override
    public void close() throws InterruptedException {
      sampling = false;
      thread.join();
      client.shutdown();
    }
  }

  private static Process startRunner(Map<String, Object> props, int slots, String heapLimit, Path gcLog, Path output)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heapLimit, "-XX:+UseG1GC",
        "-Xlog:gc:file=" + gcLog));
    props.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.botburrow.cli.Main", "runner",
        "--pool", "hybrid", "--slots", Integer.toString(slots)));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
  }

  private static void awaitRunnerReady(Process process, Path output) throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!Files.readString(output).contains("Runner: ")) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("the runner did not start; its output:\n" + Files.readString(output));
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
  }

  private static void mentionAll(BenchHub person, List<String> agents) throws InterruptedException {
    try (ExecutorService posters = Executors.newFixedThreadPool(16)) {
      List<Future<?>> posted = new ArrayList<>();
      for (String agent : agents) {
        posted.add(posters.submit(() -> person.mention(agent, "how are you?")));
      }
      for (Future<?> f : posted) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("a mention failed", e.getCause());
        }
      }
    }
  }

  private static void settle(BenchHub person, Process runner) {
    long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
    while (person.anyUnread()) {
      if (!runner.isAlive()) {
        throw new IllegalStateException("the runner exited with status " + runner.exitValue());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("mentions were still unread after " + SETTLE_TIMEOUT.toMinutes() + " min");
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
  }

  /** The runner's heap in use after a full collection (jcmd), in MB. */
  private static long liveHeapMb(Process process) throws IOException, InterruptedException {
    Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
    String pid = Long.toString(process.pid());
    run(jcmd.toString(), pid, "GC.run");
    Matcher used = Pattern.compile("used (\\d+)K").matcher(run(jcmd.toString(), pid, "GC.heap_info"));
    return used.find() ? Long.parseLong(used.group(1)) / 1024 : -1;
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out;
  }

  private record Heap(long maxBefore, long maxAfter) {}

  private static Heap heapFromGcLog(Path gcLog) throws IOException {
    long before = 0;
    long after = 0;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = HEAP.matcher(line);
      if (m.find() && !line.contains("System.gc()") && !line.contains("Diagnostic Command")) {
        before = Math.max(before, Long.parseLong(m.group(1)));
        after = Math.max(after, Long.parseLong(m.group(2)));
      }
    }
    return new Heap(before, after);
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static void deleteTree(Path dir) {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
