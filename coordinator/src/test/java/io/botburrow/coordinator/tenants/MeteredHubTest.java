package io.botburrow.coordinator.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.hub.HubClient;
import io.botburrow.hub.HubException;
import io.botburrow.hub.LongPollUnsupportedException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MeteredHubTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private final HubClient hub = (HubClient) Proxy.newProxyInstance(HubClient.class.getClassLoader(),
      new Class<?>[] {HubClient.class}, (proxy, method, args) -> {
        if (failure.get() != null) {
          throw failure.get();
        }
        return List.of();
      });
  private final MeteredHub gamma = new MeteredHub(hub, "gamma", registry);

  private double up() {
    return registry.get("botburrow.tenant.hub.up").tag("tenant", "gamma").gauge().value();
  }

  private double failures() {
    return registry.get("botburrow.tenant.hub.failures").tag("tenant", "gamma").counter().count();
  }

  @Test
  void countsFailedCallsAndTellsWhetherTheHubIsUpNamingTheTenantInTheError() {
    failure.set(new HubException("GET /api/v1/agents answered 500", 500, null));

    assertThatThrownBy(() -> gamma.staleAgents(Duration.ofMinutes(1), 10)).isInstanceOf(HubException.class)
        .hasMessage("Tenant(name=gamma) Hub: GET /api/v1/agents answered 500")
        .satisfies(e -> assertThat(((HubException) e).retryable()).isTrue());
    assertThat(up()).isZero();
    assertThat(failures()).isEqualTo(1);

    failure.set(null);
    assertThat(gamma.staleAgents(Duration.ofMinutes(1), 10)).isEmpty();
    assertThat(up()).isEqualTo(1);
    assertThat(failures()).isEqualTo(1);
  }

  @Test
  void aHubWithoutLongPollIsPassedOnAsItIs() {
    LongPollUnsupportedException noLongPoll = new LongPollUnsupportedException();
    failure.set(noLongPoll);

    assertThatThrownBy(() -> gamma.pollAgentsWithNotifications(Duration.ofSeconds(1), 10)).isSameAs(noLongPoll);
  }
}
