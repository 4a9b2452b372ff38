package io.botburrow.devkit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.redis.RedisProperties;
import io.botburrow.redis.RedissonFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

class LocalRedisIT {

  @Test
  void startsAServerThatStoresValuesAndLosesThemOnRestart() {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server not installed");
    try (LocalRedis redis = LocalRedis.start()) {
      assertThat(redis.url()).isEqualTo("redis://127.0.0.1:" + redis.port());
      RedissonClient client = RedissonFactory.createClient(RedisProperties.forUrl(redis.url()));
      try {
        client.getBucket("greeting", StringCodec.INSTANCE).set("hello");
        assertThat(client.getBucket("greeting", StringCodec.INSTANCE).get()).isEqualTo("hello");

        int port = redis.port();
        redis.restart();

        assertThat(redis.port()).isEqualTo(port);
        assertThat(redis.isRunning()).isTrue();
        assertThat(client.getBucket("greeting", StringCodec.INSTANCE).get()).isNull();
      } finally {
        client.shutdown();
      }
      redis.stop();
      assertThat(redis.isRunning()).isFalse();
    }
  }

  @Test
  void refusesAPortThatIsTaken() {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server not installed");
    try (LocalRedis first = LocalRedis.start()) {
      assertThatThrownBy(() -> LocalRedis.start(first.port()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("redis-server");
    }
  }
}
