package io.botburrow.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.hub.http.HubClientProperties;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantsConfigTest {
  private static final HubClientProperties HUB = HubClientProperties.of(URI.create("http://127.0.0.1:8080"), "main-key");

  private static Tenants parse(Map<String, Object> props) {
    List<String> names = props.keySet().stream().map(k -> k.split("\\.")[2]).distinct().toList();
    return TenantsConfig.parse(names, k -> Optional.ofNullable(props.get(k)), HUB);
  }

  @Test
  void withoutTenantsTheDeploymentServesItsOneHubAsTheDefaultTenant() {
    Tenants tenants = parse(Map.of());

    assertThat(tenants.all()).hasSize(1);
    Tenant only = tenants.get("default");
    assertThat(only.hub()).isEqualTo(HUB);
    assertThat(only.bucketPrefix()).isEmpty();
    assertThat(only.redisPrefix("botburrow:")).isEqualTo("botburrow:");
    assertThat(tenants.many()).isFalse();
  }

  @Test
  void readsEachTenantsHubPrefixBudgetsAndDelegation() {
    Map<String, Object> props = new HashMap<>();
    props.put("botburrow.tenants.acme.hub.url", "http://127.0.0.1:9001");
    props.put("botburrow.tenants.acme.hub.api-key", "acme-key");
    props.put("botburrow.tenants.acme.hub.request-timeout", "3s");
    props.put("botburrow.tenants.acme.budget.monthly-usd", "250");
    props.put("botburrow.tenants.acme.budget.agent-daily-usd", "2.5");
    props.put("botburrow.tenants.acme.delegate-to", List.of("beta"));
    props.put("botburrow.tenants.beta.hub.url", "http://127.0.0.1:9002");
    props.put("botburrow.tenants.beta.bucket-prefix", "hubs/beta/");

    Tenants tenants = parse(props);

    assertThat(tenants.all()).extracting(Tenant::name).containsExactly("default", "acme", "beta");
    Tenant acme = tenants.get("acme");
    assertThat(acme.hub().url()).isEqualTo(URI.create("http://127.0.0.1:9001"));
    assertThat(acme.hub().apiKey()).isEqualTo("acme-key");
    assertThat(acme.hub().requestTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(acme.hub().retryAttempts()).isEqualTo(HUB.retryAttempts());
    assertThat(acme.bucketPrefix()).isEqualTo("acme/");
    assertThat(acme.budget()).isEqualTo(new TenantBudget(250, 2.5, 0));
    assertThat(acme.redisPrefix("botburrow:")).isEqualTo("botburrow:tenant:acme:");
    Tenant beta = tenants.get("beta");
    assertThat(beta.hub().apiKey()).as("a tenant's key is its own, never the main Hub's").isEmpty();
    assertThat(beta.bucketPrefix()).isEqualTo("hubs/beta/");
    assertThat(tenants.get("default").hub()).isEqualTo(HUB);
  }

  @Test
  void delegationAcrossTenantsOnlyWhereTheOperatorAllowsIt() {
    Map<String, Object> props = new HashMap<>();
    props.put("botburrow.tenants.acme.hub.url", "http://127.0.0.1:9001");
    props.put("botburrow.tenants.acme.delegate-to", "beta, default");
    props.put("botburrow.tenants.beta.hub.url", "http://127.0.0.1:9002");

    Tenants tenants = parse(props);

    assertThat(tenants.mayDelegate("acme", "beta")).isTrue();
    assertThat(tenants.mayDelegate("acme", "default")).isTrue();
    assertThat(tenants.mayDelegate("beta", "acme")).isFalse();
    assertThat(tenants.mayDelegate("default", "acme")).isFalse();
    assertThat(tenants.mayDelegate("beta", "beta")).isTrue();
  }

  @Test
  void theDefaultTenantTakesBudgetsAndDelegationButKeepsTheMainHubAndTheBucketRoot() {
    Tenants tenants = parse(Map.of("botburrow.tenants.default.budget.monthly-usd", "40",
        "botburrow.tenants.default.delegate-to", "acme", "botburrow.tenants.acme.hub.url", "http://127.0.0.1:9001"));

    assertThat(tenants.get("default").hub()).isEqualTo(HUB);
    assertThat(tenants.get("default").budget().monthlyUsd()).isEqualTo(40);
    assertThat(tenants.mayDelegate("default", "acme")).isTrue();
    assertThatThrownBy(() -> parse(Map.of("botburrow.tenants.default.hub.url", "http://127.0.0.1:9009")))
        .hasMessageContaining("botburrow.tenants.default.hub.url cannot be set");
    assertThatThrownBy(() -> parse(Map.of("botburrow.tenants.acme.hub.url", "http://h:1",
        "botburrow.tenants.acme.bucket-prefix", "/")))
        .hasMessageContaining("bucket-prefix must not be empty");
  }

  @Test
  void badInputGetsAClearError() {
    assertThatThrownBy(() -> parse(Map.of("botburrow.tenants.Acme_1.hub.url", "http://127.0.0.1:9001")))
        .hasMessageContaining("botburrow.tenants.Acme_1").hasMessageContaining("lower-case");
    assertThatThrownBy(() -> parse(Map.of("botburrow.tenants.acme.hub.url", "ftp:/nowhere")))
        .hasMessageContaining("botburrow.tenants.acme.hub.url must be an http(s) URL");
    assertThatThrownBy(() -> parse(Map.of("botburrow.tenants.acme.hub.url", "http://h:1",
        "botburrow.tenants.acme.delegate-to", "gamma")))
        .hasMessageContaining("delegate-to names 'gamma', which is not a configured tenant");
    assertThatThrownBy(() -> parse(Map.of("botburrow.tenants.acme.hub.url", "http://h:1",
        "botburrow.tenants.acme.budget.monthly-usd", "-3")))
        .hasMessageContaining("botburrow.tenants.acme.budget.monthly-usd must be a number of USD >= 0");
    assertThatThrownBy(() -> parse(Map.of("botburrow.tenants.acme.hub.url", "http://h:1",
        "botburrow.tenants.acme.bucket-prefix", "acme")))
        .hasMessageContaining("bucket-prefix must end with '/'");
    assertThatThrownBy(() -> parse(Map.of()).get("nope")).isInstanceOf(UnknownTenantException.class)
        .hasMessageContaining("tenant 'nope' is not configured");
  }

  @Test
  void aTenantsKeyNeverAppearsInItsDescription() {
    Tenants tenants = parse(Map.of("botburrow.tenants.acme.hub.url", "http://h:1",
        "botburrow.tenants.acme.hub.api-key", "s3cr3t-acme"));

    assertThat(tenants.get("acme").toString()).doesNotContain("s3cr3t-acme");
  }

  @Test
  void readsTenantsFromTheServicesConfigurationAndEnvironmentStyleNames() {
    try (ApplicationContext ctx = ApplicationContext.run(Map.of(
        "botburrow.tenants.acme.hub.url", "http://127.0.0.1:9001",
        "botburrow.tenants.acme.hub.api-key", "acme-key",
        "botburrow.tenants.acme.delegate-to", List.of("beta"),
        "botburrow.tenants.beta.hub.url", "http://127.0.0.1:9002",
        "botburrow.hub.url", "http://127.0.0.1:9000"))) {
      Tenants tenants = ctx.getBean(Tenants.class);

      assertThat(tenants.all()).extracting(Tenant::name).containsExactly("default", "acme", "beta");
      assertThat(tenants.get("default").hub().url()).isEqualTo(URI.create("http://127.0.0.1:9000"));
      assertThat(tenants.get("acme").hub().apiKey()).isEqualTo("acme-key");
      assertThat(tenants.mayDelegate("acme", "beta")).isTrue();
    }
  }

  @Test
  void readsATenantGivenByEnvironmentVariables() {
    var env = io.micronaut.context.env.PropertySource.of("env", Map.of(
        "BOTBURROW_TENANTS_ACME_HUB_URL", "http://127.0.0.1:9001",
        "BOTBURROW_TENANTS_ACME_HUB_API_KEY", "acme-env-key",
        "BOTBURROW_TENANTS_ACME_DELEGATE_TO", "default"),
        io.micronaut.context.env.PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);
    try (ApplicationContext ctx = ApplicationContext.builder().deduceEnvironment(false).propertySources(env).start()) {
      Tenants tenants = ctx.getBean(Tenants.class);

      assertThat(tenants.all()).extracting(Tenant::name).containsExactly("default", "acme");
      assertThat(tenants.get("acme").hub().apiKey()).isEqualTo("acme-env-key");
      assertThat(tenants.mayDelegate("acme", "default")).isTrue();
    }
  }
}
