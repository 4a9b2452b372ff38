package io.botburrow.devkit.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code redis-benchmark} for a baseline of what the Redis server does on this machine. */
final class RedisBaseline {
  private static final Pattern RESULT = Pattern.compile("([A-Z]+): ([0-9.]+) requests per second");

  private RedisBaseline() {}

  /** {@code redis-benchmark}, if installed (it comes with redis-server). */
  static boolean available() {
    return LocalRedis.findRedisServer()
        .map(server -> Files.isExecutable(server.resolveSibling("redis-benchmark")))
        .orElse(false);
  }

  /**
   * Mean requests/s of LPUSH and RPOP, as {@code redis-benchmark -q -t lpush,rpop -n <requests>}
   * against {@code host:port} reports them.
   */
  static OptionalDouble measure(String host, int port, int requests) {
    Path executable = LocalRedis.findRedisServer().orElseThrow().resolveSibling("redis-benchmark");
    List<String> command =
        List.of(executable.toString(), "-h", host, "-p", Integer.toString(port), "-q", "-t", "lpush,rpop",
            "-n", Integer.toString(requests));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        return OptionalDouble.empty();
      }
      return parse(output);
    } catch (IOException e) {
      return OptionalDouble.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalDouble.empty();
    }
  }

  /** The mean of the final "requests per second" figures in {@code redis-benchmark -q} output. */
  static OptionalDouble parse(String output) {
    Matcher matcher = RESULT.matcher(output);
    double sum = 0;
    int count = 0;
    while (matcher.find()) {
      sum += Double.parseDouble(matcher.group(2));
      count++;
    }
    return count == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / count);
  }
}
