package io.botburrow.queue.redis;

import io.botburrow.activation.ActivationKind;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.Encoder;

/**
 * Runs the queue scripts: every call passes the fixed key layout, the wake channel and the current
 * time from the injected clock (so a test clock governs leases and circuits).
 */
final class QueueRedis {
  /** Order scores are enqueue epoch ms times this, plus a sequence (as in {@code prelude.lua}). */
  static final int ORDER_SLOTS = 1024;

  /**
   * Strings both ways, like {@link StringCodec}, but arguments go out as wrapped heap bytes: the
   * default encoder takes a pooled direct buffer per argument, which costs more than the argument
   * itself for the short ones the scripts take (a batch has hundreds).
   */
  private static final StringCodec CODEC = new StringCodec() {
    private final Encoder encoder = in -> Unpooled.wrappedBuffer(in.toString().getBytes(StandardCharsets.UTF_8));

    @Override
    public Encoder getValueEncoder() {
      return encoder;
    }
  };


  private final RedissonClient client;
  private final RedisQueueKeys keys;
  private final QueueScripts scripts;
  private final Clock clock;
  private final RScript script;
  private final List<Object> scriptKeys;
  // SHA-1 of each script source, computed on first use
  private final ConcurrentMap<String, String> digests = new ConcurrentHashMap<>();

  QueueRedis(RedissonClient client, RedisQueueKeys keys, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scripts = QueueScripts.load();
    // Plain strings on the wire; Redisson's default codec is binary Kryo.
    this.script = client.getScript(CODEC);
    // encoded once: Redisson writes a String argument into a direct buffer char by char (slow where Netty has no
    // Unsafe, as on Java 25), a byte array in one copy; every call passes all of them
    this.scriptKeys = keys.scriptKeys().stream()
        .<Object>map(key -> key.toString().getBytes(StandardCharsets.UTF_8))
        .toList();
  }

  RedissonClient client() {
    return client;
  }

  RedisQueueKeys keys() {
    return keys;
  }

  QueueScripts scripts() {
    return scripts;
  }

  Clock clock() {
    return clock;
  }

  long nowMillis() {
    return clock.millis();
  }

  /**
   * Evaluates {@code source} by its digest (EVALSHA); when Redis does not know the script (a restart
   * or a promoted replica empties the cache) it is loaded and the call runs once more. Every script
   * checks its own preconditions, so a call that failed with NOSCRIPT changed nothing.
   */
  <T> T eval(String operation, String source, RScript.ReturnType type, Object... args) {
    return evalAt(operation, nowMillis(), source, type, args);
  }

  <T> T evalAt(String operation, long now, String source, RScript.ReturnType type, Object... args) {
    Object[] values = argv(now, args);
    String digest = digest(source);
    return RedisFailures.translate(operation, () -> {
      try {
        return script.evalSha(RScript.Mode.READ_WRITE, digest, type, scriptKeys, values);
      } catch (RedisException e) {
        if (!isNoScript(e)) {
          throw e;
        }
        script.scriptLoad(source);
        return script.evalSha(RScript.Mode.READ_WRITE, digest, type, scriptKeys, values);
      }
    });
  }

  /**
   * As {@link #evalAt}, without blocking: the answer (or the failure, translated as {@link RedisFailures} does)
   * completes the returned stage on the client's I/O thread.
   */
  <T> CompletionStage<T> evalAtAsync(String operation, long now, String source, RScript.ReturnType type, Object... args) {
    Object[] values = argv(now, args);
    String digest = digest(source);
    CompletionStage<T> first = script.evalShaAsync(RScript.Mode.READ_WRITE, digest, type, scriptKeys, values);
    return first
        .exceptionallyCompose(failure -> {
          Throwable cause = RedisFailures.unwrap(failure);
          if (!isNoScript(cause)) {
            return CompletableFuture.failedFuture(cause);
          }
          return script.scriptLoadAsync(source)
              .thenCompose(loaded -> script.<T>evalShaAsync(RScript.Mode.READ_WRITE, digest, type, scriptKeys, values));
        })
        .exceptionallyCompose(failure -> CompletableFuture.failedFuture(RedisFailures.translated(operation, failure)));
  }

  // Redis does not know the script (its cache was emptied): loading it and calling again is safe
  private static boolean isNoScript(Throwable failure) {
    return failure instanceof RedisException && String.valueOf(failure.getMessage()).startsWith("NOSCRIPT");
  }

  private Object[] argv(long now, Object... args) {
    Object[] values = new Object[args.length + 2];
    values[0] = keys.wakeChannel();
    values[1] = Long.toString(now);
    for (int i = 0; i < args.length; i++) {
      values[i + 2] = String.valueOf(args[i]);
    }
    return values;
  }

  private String digest(String source) {
    return digests.computeIfAbsent(source, text -> {
      try {
        byte[] sha = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-1 missing from this JVM", e);
      }
    });
  }

  /** Pending activations of {@code kind}: the size of its pending hash, plus its backlog. */
  long depth(ActivationKind kind) {
    return RedisFailures.translate("depth", () -> {
      long pending = client.getMap(keys.pending(kind), StringCodec.INSTANCE).size();
      return kind.keyed() ? pending + client.getScoredSortedSet(keys.backlog(kind), StringCodec.INSTANCE).size() : pending;
    });
  }

  /** Age of the oldest pending activation of {@code kind}, derived from its order score. */
  Optional<Duration> oldestAge(ActivationKind kind) {
    long now = nowMillis();
    String score =
        evalAt("oldest", now, scripts.oldest(), RScript.ReturnType.VALUE, RedisQueueKeys.scriptIndex(kind));
    if (score == null) {
      return Optional.empty();
    }
    long enqueuedAt = (long) Math.floor(Double.parseDouble(score) / ORDER_SLOTS);
    return Optional.of(Duration.ofMillis(Math.max(0, now - enqueuedAt)));
  }
}
