package io.botburrow.logs.redis;

import io.botburrow.logs.ActivationLogs;
import io.botburrow.logs.LogsUnavailableException;
import java.time.Duration;
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
 * One Redis stream per activation, {@code <prefix>activation-log:<id>}, each entry a field {@code line}.
 * An append trims the stream to about {@code maxLines} ({@code XADD MAXLEN ~}) and makes it expire
 * {@code ttl} after the last append, so a finished activation's log goes away by itself.
 */
public final class RedisActivationLogs implements ActivationLogs {
  private static final String APPEND = """
      for i = 3, #ARGV do
        redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'line', ARGV[i])
      end
      redis.call('PEXPIRE', KEYS[1], ARGV[2])
      return 1
      """;
  private final RedissonClient redis;
  private final String prefix;
  private final int maxLines;
  private final Duration ttl;

  public RedisActivationLogs(RedissonClient redis, String keyPrefix, int maxLines, Duration ttl) {
    if (maxLines < 1) {
      throw new IllegalArgumentException("activation log length must be at least 1, was " + maxLines);
    }
    this.redis = redis;
    this.prefix = keyPrefix + "activation-log:";
    this.maxLines = maxLines;
    this.ttl = ttl;
  }

  @Override
  public void append(String activationId, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    List<Object> args = new ArrayList<>(lines.size() + 2);
    args.add(Integer.toString(maxLines));
    args.add(Long.toString(Math.max(1, ttl.toMillis())));
    args.addAll(lines);
    call(() -> redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, APPEND, RScript.ReturnType.INTEGER,
        List.of(prefix + activationId), args.toArray()));
  }

  @Override
  public Page follow(String activationId, String position, Duration wait) {
    RStream<String, String> stream = redis.getStream(prefix + activationId, StringCodec.INSTANCE);
    Map<StreamMessageId, Map<String, String>> read = position == null
        ? call(() -> stream.range(maxLines * 2, StreamMessageId.MIN, StreamMessageId.MAX))
        : call(() -> stream.read(StreamReadArgs.greaterThan(parse(position)).count(1000).timeout(wait)));
    if (read == null || read.isEmpty()) {
      return new Page(List.of(), position == null ? "0-0" : position);
    }
    List<String> lines = new ArrayList<>(read.size());
    StreamMessageId last = null;
    for (var e : read.entrySet()) {
      lines.add(e.getValue().getOrDefault("line", ""));
      last = e.getKey();
    }
    return new Page(lines, last.toString());
  }

  private static StreamMessageId parse(String id) {
    String[] parts = id.split("-", 2);
    try {
      return new StreamMessageId(Long.parseLong(parts[0]), parts.length > 1 ? Long.parseLong(parts[1]) : 0);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a stream position: " + id, e);
    }
  }

  private static <T> T call(Supplier<T> command) {
    try {
      return command.get();
    } catch (RedisException e) {
      throw new LogsUnavailableException("Redis activation logs unavailable: " + io.botburrow.redis.RedisErrors.describe(e), e);
    }
  }
}
