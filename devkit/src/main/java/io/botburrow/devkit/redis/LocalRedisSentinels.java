package io.botburrow.devkit.redis;

import io.botburrow.devkit.ClosingStack;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Sentinel-managed Redis on loopback, for tests: a primary, its replicas and sentinels, each a
 * {@code redis-server} child process in its own temporary directory, all stopped at {@link #close()}.
 * {@link #start} returns once every sentinel sees the primary, its replicas and the other sentinels, so a
 * failover can happen from then on.
 */
public final class LocalRedisSentinels implements AutoCloseable {
  /** The name the sentinels watch the primary under. */
  public static final String MASTER_NAME = "botburrow";

  private static final Pattern MASTER_LINE =
      Pattern.compile("master0:name=[^,]+,status=(\\w+),address=([^,]+):(\\d+),slaves=(\\d+),sentinels=(\\d+)");
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final ClosingStack all = new ClosingStack(e -> { });
  private final List<LocalRedis> servers = new ArrayList<>();
  private final List<LocalRedis> sentinels = new ArrayList<>();

  private LocalRedisSentinels() {}

  /**
   * Starts a primary, {@code replicas} replicas and {@code sentinels} sentinels (quorum: a majority)
   * that call a silent primary down after {@code downAfter}.
   */
  public static LocalRedisSentinels start(int replicas, int sentinels, Duration downAfter) {
    LocalRedisSentinels set = new LocalRedisSentinels();
    try {
      LocalRedis primary = set.all.push(LocalRedis.start());
      set.servers.add(primary);
      for (int i = 0; i < replicas; i++) {
        set.servers.add(set.all.push(LocalRedis.startReplicaOf(primary)));
      }
      for (int i = 0; i < sentinels; i++) {
        set.sentinels.add(set.all.push(LocalRedis.startSentinel(MASTER_NAME, primary, sentinels / 2 + 1, downAfter)));
      }
      set.awaitReady(replicas, sentinels);
      return set;
    } catch (RuntimeException e) {
      set.close();
      throw e;
    }
  }

  /** The sentinels as {@code 127.0.0.1:port}, for {@code botburrow.redis.sentinel.nodes}. */
  public List<String> sentinelNodes() {
    return sentinels.stream().map(s -> "127.0.0.1:" + s.port()).toList();
  }

  /** The server the sentinels name as primary now, if one of them answers. */
  public Optional<LocalRedis> primary() {
    for (LocalRedis sentinel : sentinels) {
      Optional<Integer> port = masterStatus(sentinel).map(m -> Integer.parseInt(m.group(3)));
      if (port.isPresent()) {
        return servers.stream().filter(s -> s.port() == port.get()).findFirst();
      }
    }
    return Optional.empty();
  }

  /** Every redis-server of the set (not the sentinels), the first started as primary. */
  public List<LocalRedis> servers() {
    return List.copyOf(servers);
  }

  /** The first sentinel's view: {@code status=ok,address=...,slaves=N,sentinels=M}, or empty. */
  public String describe() {
    return sentinels.isEmpty() ? "" : masterStatus(sentinels.getFirst()).map(Matcher::group).orElse("");
  }

  private void awaitReady(int replicas, int count) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      boolean ready = sentinels.stream().allMatch(s -> masterStatus(s)
          .filter(m -> m.group(1).equals("ok") && Integer.parseInt(m.group(4)) == replicas
              && Integer.parseInt(m.group(5)) == count)
          .isPresent())
          && servers.stream().skip(1).allMatch(r -> info(r.port(), "replication").contains("master_link_status:up"));
      if (ready) {
        return;
      }
      pause();
    }
    throw new IllegalStateException("the sentinels did not see the primary, " + replicas + " replicas and each other within "
        + READY_TIMEOUT + ": " + describe());
  }

  private static Optional<Matcher> masterStatus(LocalRedis sentinel) {
    Matcher m = MASTER_LINE.matcher(info(sentinel.port(), "sentinel"));
    return m.find() ? Optional.of(m) : Optional.empty();
  }

  /**
   * Asks the sentinels for a failover as an operator would ({@code SENTINEL FAILOVER}): a replica is
   * promoted and the primary, still running, becomes its replica.
   *
   * @throws IllegalStateException when the sentinel refuses
   */
  public void failover() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", sentinels.getFirst().port()), 1_000);
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(("SENTINEL FAILOVER " + MASTER_NAME + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String reply = line(socket.getInputStream());
      if (!reply.startsWith("+OK")) {
        throw new IllegalStateException("the sentinel refused the failover: " + reply);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot ask the sentinel for a failover", e);
    }
  }

  /** {@code INFO section} of the server on {@code port}, or "" when it does not answer. */
  public static String info(int port, String section) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      socket.setSoTimeout(1_000);
      OutputStream out = socket.getOutputStream();
      out.write(("INFO " + section + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String header = line(in);
      if (!header.startsWith("$")) {
        return "";
      }
      return new String(in.readNBytes(Integer.parseInt(header.substring(1))), StandardCharsets.UTF_8);
    } catch (IOException | NumberFormatException e) {
      return "";
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        text.append((char) b);
      }
    }
    return text.toString();
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the sentinels", e);
    }
  }

  @Override
  public void close() {
    all.close();
  }
}
