package io.botburrow.coordinator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.coordinator.operator.OperatorProperties;
import io.botburrow.hub.http.HubClientProperties;
import io.botburrow.tenants.Tenant;
import io.botburrow.tenants.TenantBudget;
import io.botburrow.tenants.Tenants;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiAccessTenantTest {
  private static final HubClientProperties HUB = HubClientProperties.of(URI.create("http://127.0.0.1:8080"), "");
  private static final Tenants TENANTS = new Tenants(List.of(Tenant.single(HUB),
      new Tenant("acme", HUB, "acme/", TenantBudget.NONE, Set.of())));
  private static final Map<String, String> ENV = Map.of("ACME_API_KEY", "acme-key-0001", "OPS_API_KEY", "ops-key-0001");

  private static ApiAccess access(ApiKeyProperties... keys) {
    return new ApiAccess(new OperatorProperties("operator-key-0001"), List.of(keys),
        name -> Optional.ofNullable(ENV.get(name)), TENANTS);
  }

  @Test
  void aKeyServesTheTenantItNamesOnly() {
    ApiAccess access = access(new ApiKeyProperties("acme-ci", "ACME_API_KEY", List.of(ApiAccess.MESSAGES_WRITE), null, "acme"));

    ApiAccess.Caller caller = access.caller("Bearer acme-key-0001").orElseThrow();

    assertThat(caller.tenant()).isEqualTo("acme");
    assertThat(caller.serves("acme")).isTrue();
    assertThat(caller.serves("default")).isFalse();
  }

  @Test
  void aKeyWithoutTenantIsTheDefaultTenantsAndTheOperatorKeyServesEveryTenant() {
    ApiAccess access = access(new ApiKeyProperties("ops", "OPS_API_KEY", List.of(ApiAccess.MESSAGES_WRITE), null, null));

    assertThat(access.caller("Bearer ops-key-0001").orElseThrow().serves("default")).isTrue();
    assertThat(access.caller("Bearer ops-key-0001").orElseThrow().serves("acme")).isFalse();
    assertThat(access.caller("Bearer operator-key-0001").orElseThrow().serves("acme")).isTrue();
  }

  @Test
  void aKeyNamingAnUnknownTenantStopsTheStartWithThePropertysName() {
    assertThatThrownBy(() -> access(new ApiKeyProperties("ci", "OPS_API_KEY", List.of(), null, "globex")))
        .hasMessageContaining("botburrow.api.keys.ci.tenant")
        .hasMessageContaining("globex")
        .hasMessageNotContaining("ops-key-0001");
  }
}
