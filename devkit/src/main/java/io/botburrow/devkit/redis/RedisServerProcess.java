package io.botburrow.devkit.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One run of a redis-server child process for {@link LocalRedis}: started on a port that must be free,
 * its output in a log file, awaited until it answers PING, then stopped or killed.
 */
final class RedisServerProcess {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private final Process process;
  private final int port;
  private final Path log;

  private RedisServerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts {@code executable} on {@code port} with the arguments for {@code workDir}, its output in
   * {@code redis.log} there, without waiting for it to answer.
   */
  static RedisServerProcess start(Path executable, int port, Path workDir, Function<Path, List<String>> arguments) {
    requireFreePort(port);
    Path log = workDir.resolve("redis.log");
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(arguments.apply(workDir));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    try {
      return new RedisServerProcess(builder.start(), port, log);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + executable, e);
    }
  }

  /** Waits until the server answers PING; kills it when it does not within the start timeout. */
  void awaitPong() {
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

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM, then SIGKILL after 5 s. */
  void stop() {
    process.destroy();
    awaitExit(process);
  }

  /** SIGKILL, as a crash would. */
  void kill() {
    process.destroyForcibly();
    awaitExit(process);
  }

  /** SIGKILL without waiting, for a JVM that exits. */
  void killNow() {
    process.destroyForcibly();
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

  private static String tail(Path log) {
    try {
      String text = Files.readString(log);
      return text.length() > 2_000 ? text.substring(text.length() - 2_000) : text;
    } catch (IOException e) {
      return "(no log)";
    }
  }

  // Otherwise a server already on the port would answer our PING and hide that ours failed to bind.
  private static void requireFreePort(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", port));
    } catch (IOException e) {
      throw new IllegalStateException("cannot start redis-server: port " + port + " is already in use", e);
    }
  }
}
