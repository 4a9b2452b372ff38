package io.botburrow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisResponseTimeoutException;
import org.redisson.client.WriteRedisConnectionException;
import org.junit.jupiter.api.Test;

class RedisErrorsTest {
  // the client's message while Redis is frozen (kill -STOP), as RedisStallIT's runner logged it (its connection's
  // buffer full: Redis reads nothing)
  private static final String WRITE_TIMEOUT = "Unable to write command into connection! Check CPU usage of the JVM. Try to"
      + " increase nettyThreads setting. Netty pending tasks: 0, Node source: NodeSource [slot=0, addr=null,"
      + " redisClient=null, redirect=null, entry=null], connection: RedisConnection@1 [redisClient=[addr=redis://127.0.0.1:40311],"
      + " channel=[id: 0x5c, L:/127.0.0.1:53628 ! R:127.0.0.1/127.0.0.1:40311], currentCommand=null, usage=1], command:"
      + " (EVALSHA, cached script: -- KEYS: 1 task hash, 2 counts hash\n-- ARGV: 1 target state, 2 allowed current states\n"
      + "local t = redis.call('HGET', KEYS[1])\n), params: [4, botburrow:task:t-59969912b3438cf2df71f733] after 3 retry attempts";

  @Test
  void aTimeOutSaysRedisDidNotAnswerNamesTheCommandAndServerAndDropsTheArgumentsAndTheCpuAdvice() {
    String text = RedisErrors.describe(new WriteRedisConnectionException(WRITE_TIMEOUT));

    assertThat(text).isEqualTo("Unable to write command into connection: Redis did not answer in time (frozen,"
        + " overloaded or out of reach), command EVALSHA, at redis://127.0.0.1:40311");
    assertThat(text).doesNotContain("CPU").doesNotContain("ARGV").doesNotContain("\n").doesNotContain("t-59969912");
  }

  @Test
  void aResponseTimeOutKeepsItsFirstSentence() {
    String text = RedisErrors.describe(new RedisResponseTimeoutException("Redis server response timeout (3000 ms) occured"
        + " after 3 of 3 retry attempts, is non-idempotent command: false Check connection with Redis node:"
        + " 127.0.0.1/127.0.0.1:6379 for TCP packet drops. Try to increase nettyThreads and/or timeout settings. Command:"
        + " (HGET), params: [botburrow:activity:scout], channel: [id: 0x1]"));

    assertThat(text).startsWith("Redis server response timeout (3000 ms) occured after 3 of 3 retry attempts")
        .contains("Redis did not answer in time").contains("command HGET").doesNotContain("botburrow:activity:scout");
  }

  @Test
  void aTimeOutTheClientWrappedIsStillNamedOne() {
    String text = RedisErrors.describe(new org.redisson.client.RedisException(WRITE_TIMEOUT,
        new WriteRedisConnectionException(WRITE_TIMEOUT)));

    assertThat(text).contains("Redis did not answer in time").doesNotContain("CPU");
  }

  @Test
  void otherFailuresKeepTheirMessage() {
    assertThat(RedisErrors.describe(new RedisConnectionException("Unable to connect to Redis server: 127.0.0.1/127.0.0.1:6399")))
        .isEqualTo("Unable to connect to Redis server: 127.0.0.1/127.0.0.1:6399");
    assertThat(RedisErrors.describe(new IllegalStateException("not Redis's"))).isEqualTo("not Redis's");
  }
}
