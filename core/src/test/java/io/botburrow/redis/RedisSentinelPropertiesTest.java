package io.botburrow.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisSentinelPropertiesTest {
  @Test
  void bindsTheMasterNameAndACommaSeparatedListOfSentinels() {
    try (ApplicationContext ctx = ApplicationContext.run(Map.of(
        "botburrow.redis.sentinel.master-name", "botburrow",
        "botburrow.redis.sentinel.nodes", "redis-sentinel-0:26379,redis-sentinel-1:26380",
        "botburrow.redis.sentinel.password", "s3cret"))) {
      RedisSentinelProperties p = ctx.getBean(RedisSentinelProperties.class);
      assertThat(p.enabled()).isTrue();
      assertThat(p.addresses()).containsExactly(InetSocketAddress.createUnresolved("redis-sentinel-0", 26379),
          InetSocketAddress.createUnresolved("redis-sentinel-1", 26380));
      assertThat(p.toString()).doesNotContain("s3cret");
    }
  }

  @Test
  void isOffUnlessConfigured() {
    try (ApplicationContext ctx = ApplicationContext.run()) {
      assertThat(ctx.getBean(RedisSentinelProperties.class).enabled()).isFalse();
    }
  }

  @Test
  void refusesHalfAConfigurationAndNodesWithoutAPort() {
    assertThatThrownBy(() -> new RedisSentinelProperties("botburrow", List.of(), null))
        .hasMessageContaining("master-name and botburrow.redis.sentinel.nodes go together");
    assertThatThrownBy(() -> new RedisSentinelProperties(null, List.of("h:26379"), null))
        .hasMessageContaining("go together");
    assertThatThrownBy(() -> RedisSentinelProperties.of("botburrow", List.of("redis-sentinel-0")))
        .hasMessageContaining("expected host:port, got 'redis-sentinel-0'");
    assertThatThrownBy(() -> RedisSentinelProperties.of("botburrow", List.of("h:port")))
        .hasMessageContaining("expected host:port");
  }
}
