package io.botburrow.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A Redis Cluster of {@code primaries} {@code redis-server --cluster-enabled yes} child processes on loopback,
 * joined with {@code redis-cli --cluster create} (no replicas), for core's integration tests. Tests are skipped
 * when redis-server or redis-cli is not installed.
 */
public final class TestRedisCluster implements AutoCloseable {
  private final List<Integer> ports = new ArrayList<>();
  private final List<Process> processes = new ArrayList<>();
  private final Path dir;

  private TestRedisCluster() {
    try {
      dir = Files.createTempDirectory("botburrow-cluster-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts and joins the cluster, or aborts the calling test when the Redis tools are missing. */
  public static TestRedisCluster startOrSkip(int primaries) {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/redis-server")) && Files.isExecutable(Path.of("/usr/bin/redis-cli")),
        "redis-server and redis-cli not installed (apt-get install redis-server)");
    TestRedisCluster cluster = new TestRedisCluster();
    try {
      for (int i = 0; i < primaries; i++) {
        cluster.launch(i);
      }
      cluster.create();
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** The nodes as {@code 127.0.0.1:port}, for {@code botburrow.redis.cluster.nodes}. */
  public List<String> nodes() {
    return ports.stream().map(port -> "127.0.0.1:" + port).toList();
  }

  public List<Integer> ports() {
    return List.copyOf(ports);
  }

  /** Runs {@code redis-cli} against node {@code index} and returns its output. */
  public String cli(int index, String... args) {
    List<String> command = new ArrayList<>(List.of("/usr/bin/redis-cli", "-p", Integer.toString(ports.get(index))));
    command.addAll(List.of(args));
    return run(command);
  }

  private void launch(int index) {
    int port = freeClusterPort();
    Path nodeDir = dir.resolve("node" + index);
    try {
      Files.createDirectories(nodeDir);
      Process process = new ProcessBuilder(
              "/usr/bin/redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
              "--appendonly", "no", "--daemonize", "no", "--dir", nodeDir.toString(), "--cluster-enabled", "yes",
              "--cluster-config-file", nodeDir.resolve("nodes.conf").toString(), "--cluster-node-timeout", "2000")
          .redirectErrorStream(true)
          .redirectOutput(nodeDir.resolve("redis.log").toFile())
          .start();
      processes.add(process);
      ports.add(port);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!run(List.of("/usr/bin/redis-cli", "-p", Integer.toString(port), "PING")).contains("PONG")) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("redis-server did not start on port " + port);
        }
        process.waitFor(20, TimeUnit.MILLISECONDS);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void create() {
    List<String> command = new ArrayList<>(List.of("/usr/bin/redis-cli", "--cluster", "create"));
    command.addAll(nodes());
    command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
    String out = run(command);
    if (!out.contains("All 16384 slots covered")) {
      throw new IllegalStateException("redis-cli --cluster create failed: " + out);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    for (int i = 0; i < ports.size(); i++) {
      while (!cli(i, "CLUSTER", "INFO").contains("cluster_state:ok")) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the cluster did not become ready: " + cli(i, "CLUSTER", "INFO"));
        }
        try {
          processes.get(i).waitFor(20, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
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

  // The cluster bus listens on port + 10000: both must be free.
  private static int freeClusterPort() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(20_000, 30_000);
      if (free(port) && free(port + 10_000)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port pair for a cluster node");
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    for (Process process : processes) {
      process.destroyForcibly();
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      // a temporary directory left behind
    }
  }
}
