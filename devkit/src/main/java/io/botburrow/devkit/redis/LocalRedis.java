package io.botburrow.devkit.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throw-away {@code redis-server} child process on a loopback port, without persistence: for
 * development mode, tests and chaos tests ({@link #restart()} keeps the port and loses all data, as
 * a production Redis without persistence would).
 */
public final class LocalRedis implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalRedis.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final List<String> SEARCH_PATH = List.of("/usr/bin", "/usr/local/bin", "/usr/sbin", "/opt/homebrew/bin");

  private final Path executable;
  private final int port;
  private final Path workDir;
  private final Thread shutdownHook;
  private final java.util.function.Function<Path, List<String>> arguments;
  private volatile Process process;

  private LocalRedis(Path executable, int port, java.util.function.Function<Path, List<String>> arguments) {
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
    return start(freePort());
  }

  /**
   * Starts a server on {@code port}.
   *
   * @throws IllegalStateException when {@code redis-server} is not installed or does not come up
   */
  public static LocalRedis start(int port) {
    return start(port, dir -> serverArguments(port, dir, List.of()));
  }

  /** Starts a replica of {@code primary} on a free loopback port (read-only, as replicas are). */
  public static LocalRedis startReplicaOf(LocalRedis primary) {
    int port = freePort();
    return start(port, dir -> serverArguments(port, dir, List.of("--replicaof", "127.0.0.1", Integer.toString(primary.port()))));
  }

  /**
   * Starts a Redis Sentinel on a free loopback port that watches {@code primary} under {@code masterName}
   * and calls it down after {@code downAfter} without an answer; {@code quorum} sentinels must agree.
   */
  public static LocalRedis startSentinel(String masterName, LocalRedis primary, int quorum, Duration downAfter) {
    int port = freePort();
    return start(port, dir -> {
      Path conf = dir.resolve("sentinel.conf");
      try {
        // the sentinel rewrites its file with what it learns: a restarted one keeps it
        if (!Files.exists(conf)) {
          Files.writeString(conf, String.join("\n",
              "sentinel monitor " + masterName + " 127.0.0.1 " + primary.port() + " " + quorum,
              "sentinel down-after-milliseconds " + masterName + " " + downAfter.toMillis(),
              "sentinel failover-timeout " + masterName + " " + Math.max(2_000, 3 * downAfter.toMillis()),
              "sentinel parallel-syncs " + masterName + " 1", ""));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return List.of(conf.toString(), "--sentinel", "--port", Integer.toString(port), "--bind", "127.0.0.1",
          "--daemonize", "no", "--dir", dir.toString());
    });
  }

  /**
   * Starts a Redis Cluster node (not yet part of a cluster: see {@link LocalRedisCluster}) on a free loopback
   * port whose cluster bus port (port + 10000) is free too.
   */
  public static LocalRedis startClusterNode() {
    int port = freeClusterPort();
    return start(port, dir -> serverArguments(port, dir, List.of("--cluster-enabled", "yes", "--cluster-config-file",
        dir.resolve("nodes.conf").toString(), "--cluster-node-timeout", "2000")));
  }

  private static int freeClusterPort() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = java.util.concurrent.ThreadLocalRandom.current().nextInt(20_000, 30_000);
      if (isFree(port) && isFree(port + 10_000)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port pair (port, port + 10000) for a Redis Cluster node");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The server's process id while it runs (e.g. to read its CPU time), or -1. */
  public synchronized long pid() {
    return process == null ? -1 : process.pid();
  }

  private static List<String> serverArguments(int port, Path dir, List<String> extra) {
    List<String> args = new java.util.ArrayList<>(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", dir.toString()));
    args.addAll(extra);
    return args;
  }

  private static LocalRedis start(int port, java.util.function.Function<Path, List<String>> arguments) {
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
      process.destroy();
      awaitExit(process);
      process = null;
    }
  }

  /** Kills the server abruptly (SIGKILL), as a crash would. */
  public synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      awaitExit(process);
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
    requireFreePort();
    Path log = workDir.resolve("redis.log");
    List<String> command = new java.util.ArrayList<>();
    command.add(executable.toString());
    command.addAll(arguments.apply(workDir));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + executable, e);
    }
    awaitPong(log);
    LOG.info("Local redis-server started on port {} (no persistence)", port);
  }

  private void awaitPong(Path log) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("redis-server exited at start: " + tail(log));
      }
      if (answersPing()) {
        return;
      }
      waitForExit(Duration.ofMillis(10));
    }
    process.destroyForcibly();
    throw new IllegalStateException("redis-server did not answer PING within " + START_TIMEOUT + ": " + tail(log));
  }

  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      socket.setSoTimeout(500);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = in.readNBytes(7);
      return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  // Pauses by waiting for the process, which also returns at once if it dies.
  private void waitForExit(Duration pause) {
    try {
      process.waitFor(pause.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting redis-server", e);
    }
  }

  private static void awaitExit(Process process) {
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void stopQuietly() {
    Process current = process;
    if (current != null) {
      current.destroyForcibly();
    }
  }

  private static String tail(Path log) {
    try {
      String text = Files.readString(log);
      return text.length() > 2_000 ? text.substring(text.length() - 2_000) : text;
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private void deleteWorkDir() {
    try (var files = Files.walk(workDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      LOG.debug("Could not delete {}", workDir, e);
    }
  }

  // Otherwise a server already on the port would answer our PING and hide that ours failed to bind.
  private void requireFreePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", port));
    } catch (IOException e) {
      throw new IllegalStateException("cannot start redis-server: port " + port + " is already in use", e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
