package io.botburrow.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.queue.redis.QueueShards;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisClusterPropertiesTest {

  @Test
  void bindsTheNodesAndShardsAndTheTenantsWeights() {
    try (ApplicationContext context = ApplicationContext.run(Map.of(
        "botburrow.redis.cluster.nodes", "10.0.0.1:6379,10.0.0.2:6379",
        "botburrow.redis.cluster.shards", "3",
        "botburrow.tenants.acme.hub.url", "http://acme.example",
        "botburrow.tenants.acme.weight", "3",
        "botburrow.tenants.default.weight", "2",
        // a name without a Hub (an environment variable's leftover) is no tenant
        "botburrow.tenants.stray.weight", "5"))) {
      RedisClusterProperties cluster = context.getBean(RedisClusterProperties.class);
      assertThat(cluster.nodes()).containsExactly("10.0.0.1:6379", "10.0.0.2:6379");
      assertThat(cluster.shards()).isEqualTo(3);
      QueueShards shards = RedissonFactory.queueShards(
          RedisProperties.defaults().withKeyPrefix("{botburrow}:"), cluster, context.getEnvironment());
      assertThat(shards.weights()).containsExactly(Map.entry("default", 2), Map.entry("acme", 3));
      assertThat(shards.shardsPerTenant()).isEqualTo(3);
    }
  }

  @Test
  void withoutClusterSettingsOneShardUnderTheBasePrefixKeepsTodaysKeys() {
    try (ApplicationContext context = ApplicationContext.run()) {
      RedisClusterProperties cluster = context.getBean(RedisClusterProperties.class);
      assertThat(cluster.enabled()).isFalse();
      QueueShards shards = RedissonFactory.queueShards(RedisProperties.defaults(), cluster, context.getEnvironment());
      assertThat(shards.isSingle()).isTrue();
      assertThat(shards.keys("default", 0).prefix()).isEqualTo("botburrow:");
    }
  }

  @Test
  void refusesBadSettingsWithTheirNames() {
    assertThatThrownBy(() -> RedisClusterProperties.of(List.of("nohost"), 1))
        .hasMessageContaining("botburrow.redis.cluster.nodes").hasMessageContaining("nohost");
    assertThatThrownBy(() -> RedisClusterProperties.of(List.of(), 0))
        .hasMessageContaining("botburrow.redis.cluster.shards");
    assertThatThrownBy(() -> RedisClientConfig.requireClusterLayout(RedisProperties.defaults(),
            RedisSentinelProperties.none(), RedisClusterProperties.of(List.of("127.0.0.1:7000"), 1)))
        .hasMessageContaining("botburrow.redis.key-prefix").hasMessageContaining("{botburrow}:");
    assertThatThrownBy(() -> RedisClientConfig.requireClusterLayout(RedisProperties.defaults().withKeyPrefix("{b}:"),
            RedisSentinelProperties.of("m", List.of("127.0.0.1:26379")), RedisClusterProperties.of(List.of("127.0.0.1:7000"), 1)))
        .hasMessageContaining("exclude each other");
    assertThatThrownBy(() -> new QueueShards("b:", false, 1, Map.of("acme", 0)))
        .hasMessageContaining("botburrow.tenants.acme.weight");
  }
}
