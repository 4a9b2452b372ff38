package io.botburrow.devkit.redis;

import io.botburrow.devkit.ClosingStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Redis Cluster on loopback, for tests and benchmarks: {@code primaries} {@code redis-server --cluster-enabled
 * yes} child processes joined with {@code redis-cli --cluster create ... --cluster-replicas 0}, which deals the
 * 16384 slots out in equal ranges. {@link #start} returns once every node reports {@code cluster_state:ok}.
 */
public final class LocalRedisCluster implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final ClosingStack all = new ClosingStack(e -> { });
  private final List<LocalRedis> nodes = new ArrayList<>();

  private LocalRedisCluster() {}

  /**
   * Starts and joins {@code primaries} nodes (at least 3, as Redis Cluster requires).
   *
   * @throws IllegalStateException when redis-server or redis-cli is missing, or the cluster does not form
   */
  public static LocalRedisCluster start(int primaries) {
    if (primaries < 3) {
      throw new IllegalArgumentException("a Redis Cluster needs at least 3 primaries, got " + primaries);
    }
    LocalRedisCluster cluster = new LocalRedisCluster();
    try {
      for (int i = 0; i < primaries; i++) {
        cluster.nodes.add(cluster.all.push(LocalRedis.startClusterNode()));
      }
      cluster.create();
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** The nodes as {@code 127.0.0.1:port}, for {@code botburrow.redis.cluster.nodes}. */
  public List<String> nodeAddresses() {
    return nodes.stream().map(node -> "127.0.0.1:" + node.port()).toList();
  }

  /** The primaries, in the order their slot ranges follow. */
  public List<LocalRedis> nodes() {
    return List.copyOf(nodes);
  }

  private void create() {
    List<String> command = new ArrayList<>(List.of(redisCli(), "--cluster", "create"));
    command.addAll(nodeAddresses());
    command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
    String out = run(command);
    if (!out.contains("All 16384 slots covered")) {
      throw new IllegalStateException("redis-cli --cluster create failed: " + out);
    }
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    for (LocalRedis node : nodes) {
      List<String> info = List.of(redisCli(), "-p", Integer.toString(node.port()), "CLUSTER", "INFO");
      String reply;
      while (!(reply = run(info)).contains("cluster_state:ok")) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the cluster did not become ready: " + reply);
        }
        // each look is a process start; no pause is needed between them
      }
    }
  }

  private static String redisCli() {
    return LocalRedis.findRedisServer()
        .map(server -> server.resolveSibling("redis-cli"))
        .filter(Files::isExecutable)
        .map(Path::toString)
        .orElseThrow(() -> new IllegalStateException(
            "redis-cli was not found next to redis-server; install it with: apt-get install redis-tools"));
  }

  private static String run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] out = process.getInputStream().readAllBytes();
      process.waitFor(30, TimeUnit.SECONDS);
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    all.close();
  }
}
