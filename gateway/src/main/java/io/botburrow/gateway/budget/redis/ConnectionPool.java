package io.botburrow.gateway.budget.redis;

import io.botburrow.gateway.budget.redis.RespClient.RedisErrorException;
import io.botburrow.gateway.net.SocketWatchdog;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A {@link RespClient}'s pooled connections to one server, opened where its {@link RedisPrimary} says: a
 * pooled one that turns out closed (a Redis restart) is replaced once, before any reply, and every pooled one
 * is dropped once a server answers {@code READONLY} (it was demoted) or a connection fails, so that the
 * client follows a failover. Thread-safe.
 */
final class ConnectionPool implements AutoCloseable {
  private final RespSettings settings;
  private final RedisPrimary primary;
  private final ConcurrentLinkedDeque<RespConnection> idle = new ConcurrentLinkedDeque<>();
  /** Deadlines on blocking sockets (see {@link SocketWatchdog}): a reply waited for costs one read. */
  private final SocketWatchdog watchdog = new SocketWatchdog("gateway-redis-deadlines");

  /** @param primary where to connect; closed with this pool */
  ConnectionPool(RespSettings settings, RedisPrimary primary) {
    this.settings = settings;
    this.primary = primary;
  }

  /**
   * Sends one command (after {@code ASKING} when {@code asking}) and returns its reply; error replies are
   * thrown.
   */
  Object call(List<String> command, boolean asking) throws IOException {
    var pooled = idle.pollFirst();
    if (pooled != null) {
      try {
        if (asking) {
          pooled.check(pooled.call(List.of("ASKING")));
        }
        return finish(pooled, pooled.call(command));
      } catch (RespConnection.StaleException e) {
        pooled.close();
        dropIdle();
      } catch (IOException e) {
        pooled.close();
        dropIdle();
        throw e;
      }
    }
    var fresh = RespConnection.open(primary.resolve(), settings, watchdog);
    try {
      if (asking) {
        fresh.check(fresh.call(List.of("ASKING")));
      }
      return finish(fresh, fresh.call(command));
    } catch (IOException e) {
      fresh.close();
      dropIdle();
      throw e;
    }
  }

  private Object finish(RespConnection connection, Object reply) throws IOException {
    if (reply instanceof RedisErrorException error && error.getMessage().startsWith("READONLY")) {
      // a replica now: the pool points at a demoted primary
      connection.close();
      dropIdle();
      throw error;
    }
    idle.addFirst(connection);
    if (reply instanceof RedisErrorException error) {
      throw error;
    }
    return reply;
  }

  @Override
  public void close() {
    watchdog.close();
    dropIdle();
    primary.close();
  }

  private void dropIdle() {
    for (var c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
      c.close();
    }
  }
}
