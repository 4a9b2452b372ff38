package io.botburrow.audit.redis;

import io.botburrow.audit.AuditEntry;
import io.botburrow.audit.AuditLog;
import io.botburrow.audit.AuditUnavailableException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.redisson.api.RScript;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamReadArgs;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * The audit log as one Redis stream per UTC day, {@code <prefix>audit:<yyyy-mm-dd>}, each entry with the
 * fields {@code line} and {@code hash}. Appends trim the stream to about {@code maxLength} entries
 * ({@code XADD MAXLEN ~}) and make it expire {@code retention} after its last append.
 */
public final class RedisAuditLog implements AuditLog {
  private static final String APPEND = """
      redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'line', ARGV[2], 'hash', ARGV[3])
      redis.call('EXPIRE', KEYS[1], ARGV[4])
      return 1
      """;
  private static final int PAGE = 1000;
  private final RedissonClient redis;
  private final String prefix;
  private final long maxLength;
  private final Duration retention;

  public RedisAuditLog(RedissonClient redis, String keyPrefix, long maxLength, Duration retention) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("audit stream length must be at least 1, was " + maxLength);
    }
    this.redis = redis;
    this.prefix = keyPrefix;
    this.maxLength = maxLength;
    this.retention = retention;
  }

  @Override
  public void append(LocalDate day, AuditEntry entry) {
    call(() -> redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, APPEND, RScript.ReturnType.INTEGER,
        List.of(key(day)), Long.toString(maxLength), entry.line(), entry.hash(), Long.toString(Math.max(1, retention.toSeconds()))));
  }

  @Override
  public List<AuditEntry> read(LocalDate day) {
    RStream<String, String> stream = redis.getStream(key(day), StringCodec.INSTANCE);
    List<AuditEntry> entries = new ArrayList<>();
    StreamMessageId from = StreamMessageId.MIN;
    while (true) {
      StreamMessageId start = from;
      Map<StreamMessageId, Map<String, String>> page = call(() -> stream.range(PAGE, start, StreamMessageId.MAX));
      StreamMessageId last = null;
      for (var e : page.entrySet()) {
        if (e.getKey().equals(from) && !entries.isEmpty()) {
          continue;
        }
        entries.add(new AuditEntry(e.getValue().getOrDefault("line", ""), e.getValue().getOrDefault("hash", "")));
        last = e.getKey();
      }
      if (page.size() < PAGE || last == null) {
        return entries;
      }
      from = last;
    }
  }

  @Override
  public boolean bounded() {
    return true;
  }

  @Override
  public Page follow(LocalDate day, String position, int backlog, Duration wait) {
    RStream<String, String> stream = redis.getStream(key(day), StringCodec.INSTANCE);
    Map<StreamMessageId, Map<String, String>> read;
    if (position == null) {
      Map<StreamMessageId, Map<String, String>> newest =
          call(() -> stream.rangeReversed(backlog, StreamMessageId.MAX, StreamMessageId.MIN));
      if (newest.isEmpty()) {
        return new Page(List.of(), "0-0");
      }
      List<StreamMessageId> ids = new ArrayList<>(newest.keySet());
      java.util.Collections.reverse(ids);
      read = new java.util.LinkedHashMap<>();
      ids.forEach(id -> read.put(id, newest.get(id)));
    } else {
      StreamMessageId after = parse(position);
      read = call(() -> stream.read(StreamReadArgs.greaterThan(after).count(PAGE).timeout(wait)));
      if (read == null || read.isEmpty()) {
        return new Page(List.of(), position);
      }
    }
    List<AuditEntry> entries = new ArrayList<>();
    StreamMessageId last = null;
    for (var e : read.entrySet()) {
      entries.add(new AuditEntry(e.getValue().getOrDefault("line", ""), e.getValue().getOrDefault("hash", "")));
      last = e.getKey();
    }
    return new Page(entries, last.toString());
  }

  private static StreamMessageId parse(String id) {
    String[] parts = id.split("-", 2);
    return new StreamMessageId(Long.parseLong(parts[0]), parts.length > 1 ? Long.parseLong(parts[1]) : 0);
  }

  /** The stream key of {@code day}. */
  public String key(LocalDate day) {
    return prefix + "audit:" + day;
  }

  private static <T> T call(Supplier<T> command) {
    try {
      return command.get();
    } catch (RedisException e) {
      throw new AuditUnavailableException("Redis audit log unavailable: " + io.botburrow.redis.RedisErrors.describe(e), e);
    }
  }
}
