package io.botburrow.system.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A runner or coordinator as a real child process ({@code java ... io.botburrow.cli.Main <role>}) on the
 * test's classpath, with its output in {@code target/chaos-logs/<name>.log} ({@code <name>-2.log} and so on
 * when an earlier test used the name, so that a failure's logs survive the tests after it), so that a test can kill it
 * the way an operating system or Kubernetes would: {@link #kill9()} is SIGKILL, {@link #terminate()}
 * SIGTERM.
 */
final class ServiceProcess implements AutoCloseable {
  static final Path LOG_DIR = Path.of("target", "chaos-logs");
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final String role;
  private final Map<String, String> properties;
  private volatile int port;
  private volatile Process process;
  // the name of its log and arguments files: the name, or name-2 and on
  private final String stem;
  private final Path log;

  private ServiceProcess(String name, String role, Map<String, String> properties, int port, Process process,
      String stem) {
    this.name = name;
    this.role = role;
    this.properties = properties;
    this.port = port;
    this.process = process;
    this.stem = stem;
    this.log = LOG_DIR.resolve(stem + ".log");
  }

  /**
   * Launches {@code role} ({@code runner} or {@code coordinator}) with {@code properties} as {@code -D}
   * options on a free port. Returns at once; call {@link #awaitReady()} before using it.
   */
  static ServiceProcess launch(String name, String role, Map<String, String> properties) {
    int port = freePort();
    String stem = freshStem(name);
    return new ServiceProcess(name, role, Map.copyOf(properties), port, start(stem, role, properties, port), stem);
  }

  /** {@code name}, or {@code name-2} and on when an earlier service's log has it; its log file is created. */
  private static synchronized String freshStem(String name) {
    try {
      Files.createDirectories(LOG_DIR);
      String stem = name;
      for (int n = 2; Files.exists(LOG_DIR.resolve(stem + ".log")); n++) {
        stem = name + "-" + n;
      }
      Files.createFile(LOG_DIR.resolve(stem + ".log"));
      return stem;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a log for " + name, e);
    }
  }

  private static Process start(String stem, String role, Map<String, String> properties, int port) {
    try {
      List<String> command = ServiceCommand.of(role, port, properties, LOG_DIR.resolve(stem + ".args"));
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(LOG_DIR.resolve(stem + ".log").toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot launch " + stem, e);
    }
  }

  /** Waits until the service answers {@code /health} (its context and HTTP server are up). */
  ServiceProcess awaitReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    int relaunches = 0;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive() && relaunches < 3 && tail().contains("already in use")) {
        // another process took the free port between our probe and the service's bind
        relaunches++;
        port = freePort();
        process = start(stem, role, properties, port);
        continue;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready:\n" + tail());
      }
      if (answersHealth()) {
        return this;
      }
      waitForExit(Duration.ofMillis(100));
    }
    throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT + ":\n" + tail());
  }

  String name() {
    return name;
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no drain, leases and the leader lease are left to expire. */
  void kill9() {
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(10));
  }

  /** SIGTERM: the JVM runs its shutdown hooks (a runner drains). Does not wait. */
  void terminate() {
    process.destroy();
  }

  /**
   * SIGSTOP for {@code stall}, then SIGCONT: the process freezes the way a long GC pause, a throttled cgroup
   * or a suspended VM freezes it, with its sockets open and its timers behind.
   */
  void stall(Duration stall) {
    stallTogether(stall, this);
  }

  /** Both frozen over the same {@code stall}. */
  static void stallTogether(Duration stall, ServiceProcess... processes) {
    for (ServiceProcess p : processes) {
      p.signal("STOP");
    }
    try {
      ScheduleTicks.sleep(stall);
    } finally {
      for (ServiceProcess p : processes) {
        p.signal("CONT");
      }
    }
  }

  private void signal(String name) {
    Signals.send(name, process.pid());
  }

  /** Waits for the process to end; returns whether it did within {@code max}. */
  boolean awaitExit(Duration max) {
    try {
      return process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The process output so far. */
  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** The id a runner announced in its log ({@code Runner(id=...) started}), once it has started. */
  java.util.Optional<String> runnerId() {
    var m = java.util.regex.Pattern.compile("Runner\\(id=([^,)]+)\\) started").matcher(output());
    return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
  }

  String tail() {
    String text = output();
    return text.length() > 4_000 ? text.substring(text.length() - 4_000) : text;
  }

  /** Stops it gracefully (which also lets it write the class-data archive), forcibly after 15 s. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      if (!awaitExit(Duration.ofSeconds(15))) {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
      }
    }
  }

  private boolean answersHealth() {
    try {
      HttpResponse<Void> r = HTTP.send(
          HttpRequest.newBuilder(url().resolve("/health")).timeout(Duration.ofSeconds(2)).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void waitForExit(Duration pause) {
    try {
      process.waitFor(pause.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
