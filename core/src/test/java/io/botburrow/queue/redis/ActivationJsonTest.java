package io.botburrow.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botburrow.activation.Activation;
import io.botburrow.testing.Activations;
import io.botburrow.testing.MutableClock;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivationJsonTest {
  private final MutableClock clock = new MutableClock();

  @Test
  void roundTripsNotificationAndExplorationActivations() {
    Activation notification = Activations.notification(clock, "alice", "n1", "n/2 \"quoted\"").withAttempt(2);
    Activation exploration = Activations.exploration(clock, "bob");

    assertThat(ActivationJson.read(ActivationJson.write(notification))).isEqualTo(notification);
    assertThat(ActivationJson.read(ActivationJson.write(exploration))).isEqualTo(exploration);
  }

  @Test
  void roundTripsADelegationWithItsChain() {
    Activation delegation = Activation.triggered("worker", io.botburrow.activation.ActivationKind.DELEGATION,
        new io.botburrow.activation.Trigger("delegation:a1:worker:1", "t-1", "delegation from lead", "do \"it\"", null, null,
            java.util.List.of("manager", "lead")), clock.instant());

    assertThat(ActivationJson.read(ActivationJson.write(delegation))).isEqualTo(delegation);
    assertThat(ActivationJson.write(delegation)).endsWith("\"nids\":[]}");
  }

  @Test
  void keepsTheTenantAndLeavesTheDefaultOneOut() {
    Activation single = Activations.notification(clock, "alice", "n1");
    Activation tenant = single.withTenant("acme-hub");

    assertThat(ActivationJson.write(single)).doesNotContain("tenant");
    assertThat(ActivationJson.read(ActivationJson.write(single)).tenant()).isEqualTo(Activation.DEFAULT_TENANT);
    assertThat(ActivationJson.read(ActivationJson.write(tenant))).isEqualTo(tenant);
    assertThat(ActivationJson.read(ActivationJson.write(tenant.withAttempt(2))).tenant()).isEqualTo("acme-hub");
  }

  @Test
  void refusesATenantNameThatCannotBeAKeyOrLabel() {
    Activation single = Activations.notification(clock, "alice", "n1");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> single.withTenant("Acme Hub"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower-case letters");
  }

  @Test
  void endsTheDocumentWithTheNotificationIdsTheEnqueueScriptCompares() {
    Activation notification = Activations.notification(clock, "alice", "n1", "n2");

    assertThat(ActivationJson.write(notification))
        .endsWith("\"nids\":" + ActivationJson.notificationIdsJson(notification) + "}");
    assertThat(ActivationJson.notificationIdsJson(notification)).isEqualTo("[\"n1\",\"n2\"]");
  }

  @Test
  void findsTheNotificationIdsEvenWhenTextBeforeThemLooksLikeTheField() throws Exception {
    List<String> ids = List.of("n\"1", "\"nids\":[\"x\"]", "é/\\");
    Activation tricky = Activation.notification("alice", "said \"nids\":[\"fake\"]}", ids, clock.instant());

    String array = ActivationJson.notificationIdsJson(ActivationJson.write(tricky));

    assertThat(array).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(ids));
    assertThat(ActivationJson.read(ActivationJson.write(tricky)).notificationIds()).isEqualTo(ids);
  }

  @Test
  void readsWhatLuaCjsonWrites() {
    // cjson reorders fields, escapes slashes and writes an empty array as {}
    String fromLua =
        "{\"nids\":{},\"attempt\":3,\"reason\":\"a\\/b\",\"kind\":\"exploration\",\"staleSince\":1763719200000,"
            + "\"agent\":\"bob\",\"enqueuedAt\":1763719300000,\"id\":\"019aa5d0f1a0aaaaaaaaaaaaaaaa\"}";

    Activation activation = ActivationJson.read(fromLua);

    assertThat(activation.attempt()).isEqualTo(3);
    assertThat(activation.reason()).isEqualTo("a/b");
    assertThat(activation.notificationIds()).isEmpty();
    assertThat(activation.staleSince().toEpochMilli()).isEqualTo(1763719200000L);
  }

  @Test
  void reportsAnUnreadableDocument() {
    assertThatThrownBy(() -> ActivationJson.read("{\"id\":\"nope\"}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unreadable activation document");
  }
}
