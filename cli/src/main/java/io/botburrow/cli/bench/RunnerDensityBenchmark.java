package io.botburrow.cli.bench;

import io.botburrow.agents.s3.S3Properties;
import io.botburrow.cli.Services;
import io.botburrow.coordinator.operator.OperatorProperties;
import io.botburrow.devhub.DevHubServer;
import io.botburrow.devkit.ClosingStack;
import io.botburrow.devkit.agents.ScriptedAgents;
import io.botburrow.devkit.llm.ScriptedLlmServer;
import io.botburrow.devkit.llm.ScriptedResponder;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.devkit.s3.EmbeddedS3;
import java.io.IOException;
import java.io.PrintStream;
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
    try (ClosingStack started = new ClosingStack(e -> log.println("while stopping: " + e))) {
      LocalRedis redis = started.push(LocalRedis.start());
      EmbeddedS3 s3 = started.push(EmbeddedS3.startInMemory("bench-access", "bench-secret"));
      S3Properties s3Props = S3Properties.of(s3.endpoint(), S3Properties.DEFAULT_BUCKET, s3.accessKey(), s3.secretKey());
      List<String> agents = ScriptedAgents.names("density-agent", activations, 3);
      BenchSystem.upload(s3Props, agents);
      ScriptedLlmServer llm = started.push(new ScriptedLlmServer().requireApiKey(LLM_KEY)
          .defaultResponder(answerAfter(answerAfter, inFlight, peak)).start(0));
      DevHubServer hub = started.push(DevHubServer.start(Map.of("micronaut.server.port", -1,
          "botburrow.hub.seed-agents", seeds(agents), "botburrow.hub.discovery-enabled", false)));
      Map<String, Object> common = ServiceProperties.common(hub, redis, s3, s3Props);
      RunnerProcess runner = started.push(RunnerProcess.start(runnerProperties(common, llm), slots, heapLimit, work));
      BenchHub person = new BenchHub(hub.baseUrl(), hub.adminKey(), "bench-person");
      runner.awaitReady();
      long idle = runner.liveHeapMb();
      log.printf("runner-density: runner (pid %d, %d slots, -Xmx%s) idle at %d MB; mentioning %d agents at once%n",
          runner.pid(), slots, heapLimit, idle, activations);
      int running = runAll(started, common, redis, person, agents, runner);
      GcLogHeap heap = GcLogHeap.read(runner.gcLog());
      log.printf("runner-density: up to %d activations running at once, %d of them waiting for the model%n", running,
          peak.get());
      return new Result(activations, slots, running, heap.maxAfter(), heap.maxBefore(), idle, heapLimit);
    } finally {
      BenchFiles.deleteTree(work);
    }
  }

  /** The model's answer after {@code delay}, counting the requests waiting for it at once in {@code peak}. */
  private static ScriptedResponder answerAfter(Duration delay, AtomicInteger inFlight, AtomicInteger peak) {
    return request -> {
      peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        LockSupport.parkNanos(delay.toNanos());
        return ScriptedTurn.text("Noted.").withUsage(10, 2);
      } finally {
        inFlight.decrementAndGet();
      }
    };
  }

  private static List<String> seeds(List<String> agents) {
    List<String> seeds = new ArrayList<>(List.of("bench-person:human"));
    agents.forEach(a -> seeds.add(a + ":native"));
    return seeds;
  }

  private static Map<String, Object> runnerProperties(Map<String, Object> common, ScriptedLlmServer llm) {
    Map<String, Object> runner = new HashMap<>(common);
    runner.put("botburrow.llm.override-base-url", llm.baseUrl().toString());
    runner.put("botburrow.llm.override-api-key", LLM_KEY);
    // the native loop answering with Hub tools alone needs no sandbox
    runner.put("botburrow.sandbox.enabled", false);
    return runner;
  }

  /** Mentions every agent, starts the coordinator and waits until all were answered: the most running at once. */
  private static int runAll(ClosingStack started, Map<String, Object> common, LocalRedis redis, BenchHub person,
      List<String> agents, RunnerProcess runner) throws InterruptedException {
    mentionAll(person, agents);
    // the coordinator starts once every mention is posted: its first poll enqueues them all, so the
    // runner's slots fill at once instead of as fast as the mentions were posted
    Map<String, Object> coordinator = new HashMap<>(common);
    coordinator.put(OperatorProperties.DEV_MODE_PROPERTY, true);
    coordinator.put("botburrow.coordinator.poll-batch-size", Math.max(100, agents.size()));
    started.push(Services.start("coordinator", coordinator));
    try (RunningSampler sampler = new RunningSampler(redis.url())) {
      settle(person, runner);
      return sampler.peak();
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

  private static void settle(BenchHub person, RunnerProcess runner) {
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
}
