package io.botburrow.gateway.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Read and write deadlines for blocking sockets, kept by one daemon thread that closes a socket whose
 * deadline passed. The JDK's socket timeout turns a socket non-blocking for good, after which every
 * read that has to wait costs three system calls (a read that finds nothing, a poll, the read) and a
 * wake-up more; a socket left blocking costs one read, and the deadline costs two volatile writes. The
 * watchdog looks every {@link #TICK}, so a deadline fires up to that much late. Thread-safe.
 */
public final class SocketWatchdog implements AutoCloseable {
  /** How often deadlines are checked. */
  public static final Duration TICK = Duration.ofMillis(20);

  private static final long IDLE_TICK_NANOS = Duration.ofSeconds(1).toNanos();

  private final Set<Guard> guards = ConcurrentHashMap.newKeySet();
  private final String name;
  private volatile Thread thread;
  private volatile boolean closed;

  public SocketWatchdog(String name) {
    this.name = name;
  }

  /** Watches {@code socket} from now until {@link Guard#release()}; {@code socket} is what gets closed. */
  public Guard watch(Socket socket) {
    var guard = new Guard(socket);
    boolean wasIdle = guards.isEmpty();
    guards.add(guard);
    ensureRunning();
    if (wasIdle) {
      LockSupport.unpark(thread);
    }
    return guard;
  }

  private synchronized void ensureRunning() {
    if (thread == null && !closed) {
      thread = Thread.ofPlatform().name(name).daemon(true).start(this::run);
    }
  }

  private void run() {
    long tick = TICK.toNanos();
    while (!closed) {
      // without sockets to watch it wakes once a second, and at once when one comes
      LockSupport.parkNanos(this, guards.isEmpty() ? IDLE_TICK_NANOS : tick);
      long now = System.nanoTime();
      for (var guard : guards) {
        guard.expireIfDue(now);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    Thread running;
    synchronized (this) {
      running = thread;
    }
    if (running != null) {
      LockSupport.unpark(running);
    }
  }

  /** One socket's deadline; reads and writes through its streams each run under it. */
  public final class Guard {
    private final Socket socket;
    /** Since when the current operation waits (0: none), and for how long at most. */
    private volatile long since;
    private volatile long limit;
    private volatile boolean expired;

    private Guard(Socket socket) {
      this.socket = socket;
    }

    /** From now on, an operation that has waited {@code timeout} (zero: no limit) ends the socket. */
    public void begin(long timeoutNanos) {
      if (timeoutNanos > 0) {
        limit = timeoutNanos;
        since = System.nanoTime() | 1;
      }
    }

    public void end() {
      since = 0;
    }

    /** Whether the watchdog closed the socket. */
    public boolean expired() {
      return expired;
    }

    /** The exception to throw for a failed operation: a timeout when the watchdog caused it. */
    public IOException translate(IOException e, String what) {
      if (expired && !(e instanceof SocketTimeoutException)) {
        var timeout = new SocketTimeoutException(what + " timed out");
        timeout.initCause(e);
        return timeout;
      }
      return e;
    }

    public void release() {
      guards.remove(this);
    }

    void expireIfDue(long now) {
      long started = since;
      if (started != 0 && now - started >= limit) {
        expired = true;
        try {
          socket.close();
        } catch (IOException e) {
          // closing is best effort
        }
      }
    }

    /** {@code in} with every read under a deadline of {@code timeout} (read each time from {@code timeout}). */
    public InputStream input(InputStream in, java.util.function.LongSupplier timeoutNanos) {
      return new InputStream() {
        @Override
        public int read() throws IOException {
          begin(timeoutNanos.getAsLong());
          try {
            return in.read();
          } catch (IOException e) {
            throw translate(e, "read");
          } finally {
            end();
          }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          begin(timeoutNanos.getAsLong());
          try {
            return in.read(b, off, len);
          } catch (IOException e) {
            throw translate(e, "read");
          } finally {
            end();
          }
        }

        /** Nothing is counted: asking the socket costs a system call, and callers use this only to batch. */
        @Override
        public int available() {
          return 0;
        }

        @Override
        public void close() throws IOException {
          in.close();
        }
      };
    }

    /** {@code out} with every write under a deadline of {@code timeout}. */
    public OutputStream output(OutputStream out, java.util.function.LongSupplier timeoutNanos) {
      return new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          begin(timeoutNanos.getAsLong());
          try {
            out.write(b, off, len);
          } catch (IOException e) {
            throw translate(e, "write");
          } finally {
            end();
          }
        }

        @Override
        public void flush() throws IOException {
          out.flush();
        }

        @Override
        public void close() throws IOException {
          out.close();
        }
      };
    }
  }
}
