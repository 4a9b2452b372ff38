package io.botburrow.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.redisson.client.codec.StringCodec;

class RedisClientConfigTest {
  private static final RedisSentinelProperties SENTINELS = RedisSentinelProperties.of("main", List.of("10.0.0.9:26379"));
  private static final RedisClusterProperties CLUSTER = RedisClusterProperties.of(List.of("10.0.0.1:7000"), 1);

  @Test
  void oneServerWithReadableValuesAndScriptsThatSurviveAnEmptiedCache() {
    RedisClientConfig setup = RedisClientConfig.of(RedisProperties.forUrl("redis://user:secret@10.0.0.5:6379"),
        RedisSentinelProperties.none(), RedisClusterProperties.none());

    assertThat(setup.config().isSingleConfig()).isTrue();
    assertThat(setup.config().getCodec()).isSameAs(StringCodec.INSTANCE);
    assertThat(setup.config().isUseScriptCache()).isTrue();
    assertThat(setup.where()).isEqualTo("redis://***@10.0.0.5:6379").doesNotContain("secret");
  }

  @Test
  void thePrimaryOfTheSentinelsOrTheClusterWhenEnabled() {
    RedisProperties properties = RedisProperties.defaults().withKeyPrefix("{botburrow}:");

    RedisClientConfig sentinel = RedisClientConfig.of(properties, SENTINELS, RedisClusterProperties.none());
    RedisClientConfig cluster = RedisClientConfig.of(properties, RedisSentinelProperties.none(), CLUSTER);

    assertThat(sentinel.config().isSentinelConfig()).isTrue();
    assertThat(sentinel.where()).isEqualTo("the primary 'main' of sentinels [10.0.0.9:26379]");
    assertThat(cluster.config().isClusterConfig()).isTrue();
    assertThat(cluster.where()).isEqualTo("the cluster of [10.0.0.1:7000]");
  }

  @Test
  void refusesAClusterWhoseKeyPrefixHasNoHashTag() {
    assertThatThrownBy(() -> RedisClientConfig.of(RedisProperties.defaults(), RedisSentinelProperties.none(), CLUSTER))
        .hasMessageContaining("botburrow.redis.key-prefix");
  }
}
