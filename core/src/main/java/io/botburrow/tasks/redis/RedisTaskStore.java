package io.botburrow.tasks.redis;

import io.botburrow.queue.QueueUnavailableException;
import io.botburrow.tasks.AgentTaskStats;
import io.botburrow.tasks.Task;
import io.botburrow.tasks.TaskResult;
import io.botburrow.tasks.TaskState;
import io.botburrow.tasks.TaskStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * Tasks in Redis: {@code task:<id>} (hash, expires {@code retention} after its last change),
 * {@code tasks:counts} (agent|state → n), {@code tasks:current} (agent → task id) and
 * {@code tasks:last} (agent → epoch ms). Every change is one Lua script checking the state table.
 */
public final class RedisTaskStore implements TaskStore {
  private static final String CREATE = resource("create.lua");
  private static final String TRANSITION = resource("transition.lua");

  private final RedissonClient redis;
  private final String prefix;
  private final Duration retention;

  public RedisTaskStore(RedissonClient redis, String keyPrefix, Duration retention) {
    this.redis = redis;
    this.prefix = keyPrefix;
    this.retention = retention;
  }

  @Override
  public void create(Task task) {
    List<Object> args = new ArrayList<>(List.of(task.agent(), ttl()));
    addFields(args, "id", task.id(), "agent", task.agent(), "source", task.source(), "state", task.state().wireName(),
        "input", task.input(), "created", millis(task.createdAt()), "activation", nullToEmpty(task.activationId()));
    call(() -> script().eval(RScript.Mode.READ_WRITE, CREATE, RScript.ReturnType.INTEGER,
        List.of(taskKey(task.id()), countsKey()), args.toArray()));
  }

  @Override
  public Optional<Task> get(String id) {
    Map<String, String> fields = call(() -> redis.<String, String>getMap(taskKey(id), StringCodec.INSTANCE).readAllMap());
    return fields.isEmpty() ? Optional.empty() : Optional.of(read(fields));
  }

  @Override
  public Optional<Task> start(String id, String activationId, Instant now) {
    return move(id, TaskState.WORKING, now, "started", millis(now), "activation", activationId);
  }

  @Override
  public Optional<Task> finish(String id, TaskResult r, Instant now) {
    boolean ok = r.state() == TaskState.COMPLETED;
    return move(id, r.state(), now, "result", ok ? r.text() : "", "error", ok ? "" : r.text(),
        "in", Long.toString(r.inputTokens()), "out", Long.toString(r.outputTokens()),
        "cost", Double.toString(r.costUsd()), "finished", millis(now));
  }

  @Override
  public Optional<Task> cancel(String id, String reason, Instant now) {
    return move(id, TaskState.CANCELED, now, "error", reason, "finished", millis(now));
  }

  @Override
  public AgentTaskStats stats(String agent) {
    Map<String, String> counts = call(() -> redis.<String, String>getMap(countsKey(), StringCodec.INSTANCE)
        .getAll(java.util.Arrays.stream(TaskState.values()).map(s -> agent + "|" + s.wireName()).collect(Collectors.toSet())));
    Map<TaskState, Long> byState = new EnumMap<>(TaskState.class);
    counts.forEach((field, n) -> byState.put(TaskState.fromWire(field.substring(agent.length() + 1)), Long.parseLong(n)));
    String current = call(() -> redis.<String, String>getMap(prefix + "tasks:current", StringCodec.INSTANCE).get(agent));
    String last = call(() -> redis.<String, String>getMap(prefix + "tasks:last", StringCodec.INSTANCE).get(agent));
    return new AgentTaskStats(current, last == null ? null : Instant.ofEpochMilli(Long.parseLong(last)), byState);
  }

  private Optional<Task> move(String id, TaskState to, Instant now, String... fields) {
    String allowed = "," + TaskState.from(to).stream().map(TaskState::wireName).collect(Collectors.joining(",")) + ",";
    List<Object> args = new ArrayList<>(List.of(to.wireName(), allowed, millis(now), ttl()));
    addFields(args, fields);
    Long moved = call(() -> script().eval(RScript.Mode.READ_WRITE, TRANSITION, RScript.ReturnType.INTEGER,
        List.of(taskKey(id), countsKey(), prefix + "tasks:current", prefix + "tasks:last"), args.toArray()));
    return moved == 1 ? get(id) : Optional.empty();
  }

  private static Task read(Map<String, String> f) {
    return new Task(f.get("id"), f.get("agent"), f.get("source"), TaskState.fromWire(f.get("state")), f.get("input"),
        f.get("result"), f.get("error"), longOf(f.get("in")), longOf(f.get("out")),
        f.get("cost") == null ? 0 : Double.parseDouble(f.get("cost")), instant(f.get("created")),
        instant(f.get("started")), instant(f.get("finished")), emptyToNull(f.get("activation")));
  }

  private RScript script() {
    return redis.getScript(StringCodec.INSTANCE);
  }

  private String taskKey(String id) {
    return prefix + "task:" + id;
  }

  private String countsKey() {
    return prefix + "tasks:counts";
  }

  private String ttl() {
    return Long.toString(Math.max(1, retention.toSeconds()));
  }

  private static void addFields(List<Object> args, String... pairs) {
    for (String value : pairs) {
      args.add(value == null ? "" : value);
    }
  }

  private static String millis(Instant at) {
    return Long.toString(at.toEpochMilli());
  }

  private static long longOf(String text) {
    return text == null ? 0 : Long.parseLong(text);
  }

  private static Instant instant(String text) {
    return text == null || text.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(text));
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  private static <T> T call(Supplier<T> op) {
    try {
      return op.get();
    } catch (RedisException e) {
      throw new QueueUnavailableException("task store unavailable: " + io.botburrow.redis.RedisErrors.describe(e), e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = RedisTaskStore.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing task script " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
