package io.botburrow.coordinator.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSecretScopeTest {
  private final WebhookProperties props = WebhookProperties.defaults();

  @Test
  void theDefaultTenantReadsTheVariableItsDefinitionNames() {
    assertThat(props.secretVariable("default", "GH_WEBHOOK_SECRET")).hasValue("GH_WEBHOOK_SECRET");
  }

  @Test
  void anotherTenantReadsTheVariableUnderItsOwnPrefix() {
    assertThat(props.secretVariable("acme", "GH_WEBHOOK_SECRET")).hasValue("TENANT_ACME__GH_WEBHOOK_SECRET");
    assertThat(props.secretVariable("acme-eu", "GH_WEBHOOK_SECRET")).hasValue("TENANT_ACME_EU__GH_WEBHOOK_SECRET");
  }

  @Test
  void theDefaultTenantsDefinitionsCannotNameAnotherTenantsSecret() {
    assertThat(props.secretVariable("default", "TENANT_ACME__GH_WEBHOOK_SECRET")).isEmpty();
  }

  @Test
  void noTenantsDefinitionCanReachAnotherTenantsSecret() {
    // "__" and a leading "_" are refused, so the variable's last "__" always ends the tenant's own prefix
    assertThat(props.secretVariable("acme", "EU__GH_WEBHOOK_SECRET")).isEmpty();
    // tenant "a-" reads TENANT_A___X; tenant "a" naming "_X" would read the same variable
    assertThat(props.secretVariable("a", "_X_WEBHOOK_SECRET")).isEmpty();
    assertThat(props.secretVariable("a-", "X_WEBHOOK_SECRET")).hasValue("TENANT_A___X_WEBHOOK_SECRET");
  }

  @Test
  void theAllowListStillDecidesWhichNamesADefinitionMayUse() {
    assertThat(props.secretVariable("acme", "BOTBURROW_S3_SECRET_KEY")).isEmpty();
    assertThat(props.secretVariable("default", "BOTBURROW_S3_SECRET_KEY")).isEmpty();
  }
}
