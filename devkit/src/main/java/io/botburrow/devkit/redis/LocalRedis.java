package io.botburrow.devkit.redis;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throw-away {@code redis-server} child process on a loopback port, without persistence: for
 * development mode, tests and chaos tests ({@link #restart()} keeps the port and loses all data, as
 * a production Redis without persistence would). Each run of the process is a {@link RedisServerProcess},
 * started with {@link ServerArguments}.
 */
public final class LocalRedis implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalRedis.class);
  private static final List<String> SEARCH_PATH = List.of("/usr/bin", "/usr/local/bin", "/usr/sbin", "/opt/homebrew/bin");

  private final Path executable;
  private final int port;
  private final Path workDir;
  private final Thread shutdownHook;
  private final Function<Path, List<String>> arguments;
  private volatile RedisServerProcess process;

  private LocalRedis(Path executable, int port, Function<Path, List<String>> arguments) {
    this.executable = executable;
    this.port = port;
    this.arguments = arguments;
    try {
      this.workDir = Files.createTempDirectory("botburrow-redis-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // a crashed JVM must not leave servers behind: stop this one when the JVM exits
    this.shutdownHook = new Thread(this::stopQuietly, "local-redis-" + port + "-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts a server on a free loopback port. */
  public static LocalRedis start() {
    return start(LoopbackPorts.free());
  }

  /**
   * Starts a server on {@code port}.
   *
   * @throws IllegalStateException when {@code redis-server} is not installed or does not come up
   */
  public static LocalRedis start(int port) {
    return start(port, dir -> ServerArguments.server(port, dir));
  }

  /** Starts a replica of {@code primary} on a free loopback port (read-only, as replicas are). */
  public static LocalRedis startReplicaOf(LocalRedis primary) {
    int port = LoopbackPorts.free();
    return start(port, dir -> ServerArguments.replicaOf(port, dir, primary.port()));
  }

  /**
   * Starts a Redis Sentinel on a free loopback port that watches {@code primary} under {@code masterName}
   * and calls it down after {@code downAfter} without an answer; {@code quorum} sentinels must agree.
   */
  public static LocalRedis startSentinel(String masterName, LocalRedis primary, int quorum, Duration downAfter) {
    int port = LoopbackPorts.free();
    return start(port, dir -> ServerArguments.sentinel(port, dir, masterName, primary.port(), quorum, downAfter));
  }

  /**
   * Starts a Redis Cluster node (not yet part of a cluster: see {@link LocalRedisCluster}) on a free loopback
   * port whose cluster bus port (port + 10000) is free too.
   */
  public static LocalRedis startClusterNode() {
    int port = LoopbackPorts.freeClusterPair();
    return start(port, dir -> ServerArguments.clusterNode(port, dir));
  }

  /** The server's process id while it runs (e.g. to read its CPU time), or -1. */
  public synchronized long pid() {
    return process == null ? -1 : process.pid();
  }

  private static LocalRedis start(int port, Function<Path, List<String>> arguments) {
    Path executable =
        findRedisServer()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "redis-server was not found on PATH; install it with: apt-get install"
                            + " redis-server, or set REDIS_URL to use a running Redis"));
    LocalRedis redis = new LocalRedis(executable, port, arguments);
    try {
      redis.launch();
    } catch (RuntimeException e) {
      redis.close();
      throw e;
    }
    return redis;
  }

  /** The {@code redis-server} executable on {@code PATH} or in the usual places, if installed. */
  public static Optional<Path> findRedisServer() {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    return java.util.stream.Stream.concat(
            java.util.Arrays.stream(path.split(File.pathSeparator)), SEARCH_PATH.stream())
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, "redis-server"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  public int port() {
    return port;
  }

  /** {@code redis://127.0.0.1:<port>}. */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Stops the server (SIGTERM, then SIGKILL after 5 s). Idempotent. */
  public synchronized void stop() {
    if (process != null) {
      process.stop();
      process = null;
    }
  }

  /** Kills the server abruptly (SIGKILL), as a crash would. */
  public synchronized void kill() {
    if (process != null) {
      process.kill();
      process = null;
    }
  }

  /** Stops and starts again on the same port: every key, script and subscription is gone. */
  public synchronized void restart() {
    stop();
    launch();
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  @Override
  public synchronized void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down and runs the hook itself
    }
    deleteWorkDir();
  }

  private synchronized void launch() {
    process = RedisServerProcess.start(executable, port, workDir, arguments);
    process.awaitPong();
    LOG.info("Local redis-server started on port {} (no persistence)", port);
  }

  private void stopQuietly() {
    RedisServerProcess current = process;
    if (current != null) {
      current.killNow();
    }
  }

  private void deleteWorkDir() {
    try (var files = Files.walk(workDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      LOG.debug("Could not delete {}", workDir, e);
    }
  }
}
