package io.botburrow.runner.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.activation.Activation;
import io.botburrow.hub.http.HubClientProperties;
import io.botburrow.runner.activation.ActivationControl;
import io.botburrow.runner.activation.ActivationOutcome;
import io.botburrow.tenants.Tenant;
import io.botburrow.tenants.Tenants;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantActivationsTest {
  @Test
  void workOfATenantThisDeploymentDoesNotServeFailsForGoodWithTheReason() {
    Tenants tenants = Tenants.single(Tenant.single(HubClientProperties.of(URI.create("http://127.0.0.1:8080"), "")));
    TenantActivations activations = new TenantActivations(tenants, null, t -> {
      throw new AssertionError("no handler is built for an unknown tenant");
    });

    ActivationOutcome outcome = activations.handle(
        Activation.notification("helper", "mention", List.of(), Instant.now()).withTenant("gamma"), ActivationControl.UNGUARDED);

    assertThat(outcome).isInstanceOfSatisfying(ActivationOutcome.Failed.class, f -> {
      assertThat(f.retryable()).isFalse();
      assertThat(f.error()).isEqualTo("tenant 'gamma' is not configured on this runner");
    });
  }
}
