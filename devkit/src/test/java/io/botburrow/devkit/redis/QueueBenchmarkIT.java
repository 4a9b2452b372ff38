package io.botburrow.devkit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class QueueBenchmarkIT {

  @Test
  void measuresQueueThroughputAgainstTheRedisBenchmarkBaseline() {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server not installed");
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    QueueBenchmark.Options options = QueueBenchmark.Options.parse(
        "--agents=200", "--slots=4", "--producers=1", "--warmup=1", "--seconds=2", "--baseline-requests=5000");

    QueueBenchmark.Result result =
        QueueBenchmark.run(options, new PrintStream(progress, true, StandardCharsets.UTF_8));

    assertThat(result.activationsPerSecond()).isPositive();
    assertThat(result.line())
        .matches("queue-throughput: \\d+ activations/s \\(redis-benchmark baseline (\\d+|n/a) requests/s\\)");
    if (RedisBaseline.available()) {
      assertThat(result.baselineRequestsPerSecond()).isPresent();
    }
    assertThat(progress.toString(StandardCharsets.UTF_8)).contains("activations in");
  }
}
