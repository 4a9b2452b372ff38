package io.botburrow.agents.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.agents.AgentDefinitionStore;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3PropertiesTest {

  @Test
  void bindsPropertiesWithDefaultsAndCreatesTheStore() {
    try (ApplicationContext context = ApplicationContext.run(Map.of(
        "botburrow.s3.bucket", "defs",
        "botburrow.s3.endpoint", "http://127.0.0.1:9000",
        "botburrow.s3.access-key", "AKID",
        "botburrow.s3.secret-key", "s3cr3t"))) {

      S3Properties properties = context.getBean(S3Properties.class);
      assertThat(properties.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
      assertThat(properties.bucket()).isEqualTo("defs");
      assertThat(properties.region()).isEqualTo("auto");
      assertThat(properties.signingRegion()).isEqualTo("us-east-1");
      assertThat(properties.pathStyle()).isTrue();
      assertThat(properties.hasStaticCredentials()).isTrue();
      assertThat(context.getBean(AgentDefinitionStore.class)).isInstanceOf(S3AgentDefinitionStore.class);
      assertThat(context.getBean(BucketUploader.class)).isNotNull();
    }
  }

  @Test
  void noStoreUnlessTheBucketIsConfigured() {
    try (ApplicationContext context = ApplicationContext.run()) {
      assertThat(context.containsBean(AgentDefinitionStore.class)).isFalse();
    }
  }

  @Test
  void toStringNeverShowsTheSecret() {
    S3Properties properties = S3Properties.of(URI.create("http://127.0.0.1:1"), "b", "AKID", "s3cr3t");

    assertThat(properties.toString()).contains("AKID").doesNotContain("s3cr3t");
  }

  @Test
  void explicitRegionIsKeptAndBlankValuesFallBackToDefaults() {
    S3Properties properties = new S3Properties(null, "eu-west-1", " ", "", null, false);

    assertThat(properties.signingRegion()).isEqualTo("eu-west-1");
    assertThat(properties.bucket()).isEqualTo("botburrow-agents");
    assertThat(properties.hasStaticCredentials()).isFalse();
    assertThatThrownBy(() -> S3Properties.of(URI.create("localhost:9000"), "b", null, null))
        .hasMessageStartingWith("botburrow.s3.endpoint: must be an absolute URL");
  }
}
