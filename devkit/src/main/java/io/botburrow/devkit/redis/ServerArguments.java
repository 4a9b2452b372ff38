package io.botburrow.devkit.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments {@link LocalRedis} starts redis-server with, for a server whose files live in {@code dir}:
 * a server without persistence, a replica, a Redis Sentinel, a Redis Cluster node.
 */
final class ServerArguments {
  private ServerArguments() {}

  /** A loopback server without persistence. */
  static List<String> server(int port, Path dir) {
    return server(port, dir, List.of());
  }

  /** A server that replicates the primary on {@code primaryPort}. */
  static List<String> replicaOf(int port, Path dir, int primaryPort) {
    return server(port, dir, List.of("--replicaof", "127.0.0.1", Integer.toString(primaryPort)));
  }

  /** A server with cluster mode on, not yet part of a cluster. */
  static List<String> clusterNode(int port, Path dir) {
    return server(port, dir, List.of("--cluster-enabled", "yes", "--cluster-config-file",
        dir.resolve("nodes.conf").toString(), "--cluster-node-timeout", "2000"));
  }

  /** A Sentinel watching the primary on {@code primaryPort}; writes its configuration file first. */
  static List<String> sentinel(int port, Path dir, String masterName, int primaryPort, int quorum, Duration downAfter) {
    Path conf = dir.resolve("sentinel.conf");
    try {
      // the sentinel rewrites its file with what it learns: a restarted one keeps it
      if (!Files.exists(conf)) {
        Files.writeString(conf, sentinelConf(masterName, primaryPort, quorum, downAfter));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.of(conf.toString(), "--sentinel", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--daemonize", "no", "--dir", dir.toString());
  }

  /** A Sentinel's first configuration: whom it watches, when it calls the primary down and fails over. */
  static String sentinelConf(String masterName, int primaryPort, int quorum, Duration downAfter) {
    return String.join("\n",
        "sentinel monitor " + masterName + " 127.0.0.1 " + primaryPort + " " + quorum,
        "sentinel down-after-milliseconds " + masterName + " " + downAfter.toMillis(),
        "sentinel failover-timeout " + masterName + " " + Math.max(2_000, 3 * downAfter.toMillis()),
        "sentinel parallel-syncs " + masterName + " 1", "");
  }

  private static List<String> server(int port, Path dir, List<String> extra) {
    List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", dir.toString()));
    args.addAll(extra);
    return args;
  }
}
