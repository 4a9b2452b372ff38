package io.botburrow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.audit.redis.RedisAuditLog;
import io.botburrow.redis.RedisProperties;
import io.botburrow.redis.RedissonFactory;
import io.botburrow.testing.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

class RedisAuditLogIT implements AuditLogContract {
  private static final AtomicInteger TEST_NUMBER = new AtomicInteger();
  private static TestRedis server;
  private static RedissonClient client;
  private RedisAuditLog log;
  private String prefix;

  @BeforeAll
  static void startRedis() {
    server = TestRedis.startOrSkip();
    client = RedissonFactory.createClient(RedisProperties.forUrl(server.url()));
  }

  @AfterAll
  static void stopRedis() {
    if (client != null) {
      client.shutdown();
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void create() {
    prefix = "audit" + TEST_NUMBER.incrementAndGet() + ":";
    log = new RedisAuditLog(client, prefix, 100_000, Duration.ofDays(30));
  }

  @Override
  public AuditLog log() {
    return log;
  }

  @Test
  void theDayStreamIsBoundedAndExpires() {
    RedisAuditLog small = new RedisAuditLog(client, prefix + "small:", 100, Duration.ofDays(2));
    AuditChain chain = new AuditChain("r", "a", "alice");
    for (int i = 0; i < 1000; i++) {
      small.append(DAY, chain.append("tool_call", Map.of("i", i), Instant.parse("2026-12-03T10:00:00Z")));
    }

    // approximate trimming keeps whole radix-tree nodes: at most one node (100 entries) above the bound
    assertThat(small.read(DAY)).hasSizeBetween(100, 300);
    long ttl = client.getKeys().remainTimeToLive(small.key(DAY));
    assertThat(Duration.ofMillis(ttl)).isBetween(Duration.ofDays(2).minusMinutes(1), Duration.ofDays(2));
    AuditVerifier.Result result = AuditVerifier.verify(java.util.List.of(new AuditVerifier.Source("redis", small.read(DAY), true)));
    assertThat(result.ok()).isTrue();
    assertThat(result.trimmed()).isEqualTo(1);
  }

  @Test
  void anEntryRewrittenInTheStreamIsFoundBroken() {
    AuditChain chain = new AuditChain("r", "a", "alice");
    for (int i = 0; i < 3; i++) {
      log.append(DAY, chain.append("tool_call", Map.of("arguments", "{\"q\":\"cats\"}"), Instant.parse("2026-12-03T10:00:00Z")));
    }
    var stream = client.<String, String>getStream(log.key(DAY), StringCodec.INSTANCE);
    var second = stream.range(3, org.redisson.api.StreamMessageId.MIN, org.redisson.api.StreamMessageId.MAX).entrySet()
        .stream().skip(1).findFirst().orElseThrow();
    // a stream entry cannot be edited in place: whoever tampers deletes it and adds a changed copy
    stream.remove(second.getKey());
    stream.add(org.redisson.api.stream.StreamAddArgs.entries(Map.of(
        "line", second.getValue().get("line").replace("cats", "dogs"), "hash", second.getValue().get("hash"))));

    AuditVerifier.Result result = AuditVerifier.verify(java.util.List.of(new AuditVerifier.Source("redis", log.read(DAY), true)));

    assertThat(result.broken()).isPresent();
  }
}
