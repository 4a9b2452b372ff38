package io.botburrow.gateway.budget.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterSlotsTest {

  @Test
  void slotsAreCrc16OfTheKeyOrOfItsHashTag() {
    // the figures of the Redis Cluster specification and of CLUSTER KEYSLOT
    assertThat(ClusterSlots.slot("123456789")).isEqualTo(0x31C3);
    assertThat(ClusterSlots.slot("foo")).isEqualTo(12182);
    assertThat(ClusterSlots.slot("{user1000}.following")).isEqualTo(ClusterSlots.slot("user1000"));
    assertThat(ClusterSlots.slot("foo{bar}{zap}")).isEqualTo(ClusterSlots.slot("bar"));
    assertThat(ClusterSlots.slot("foo{}{bar}")).isNotEqualTo(ClusterSlots.slot("bar"));
  }

  @Test
  void aScriptsSlotIsItsFirstKeysAndAnyOtherCommandsItsFirstArguments() {
    assertThat(ClusterSlots.firstKey(List.of("evalsha", "abc", "2", "k1", "k2", "arg"))).isEqualTo("k1");
    assertThat(ClusterSlots.firstKey(List.of("EVAL", "return 1", "0", "arg"))).isNull();
    assertThat(ClusterSlots.firstKey(List.of("GET", "k"))).isEqualTo("k");
    assertThat(ClusterSlots.firstKey(List.of("PING"))).isNull();
  }

  @Test
  void readsMovedAndAskAndRemembersWhereAMovedSlotLives() {
    var slots = new ClusterSlots();
    var moved = ClusterSlots.redirection("MOVED " + ClusterSlots.slot("k") + " 10.0.0.2:7001");
    var ask = ClusterSlots.redirection("ASK 42 10.0.0.3:7002");

    assertThat(slots.nodeFor(List.of("GET", "k"))).isNull();
    slots.moved(moved);

    assertThat(moved.moved()).isTrue();
    assertThat(slots.nodeFor(List.of("GET", "k"))).isEqualTo("10.0.0.2:7001");
    assertThat(ask).isEqualTo(new ClusterSlots.Redirection(false, "42", "10.0.0.3:7002"));
  }

  @Test
  void otherErrorsAreNoRedirection() {
    assertThat(ClusterSlots.redirection("NOSCRIPT No matching script")).isNull();
    assertThat(ClusterSlots.redirection("MOVED 42")).isNull();
    assertThat(ClusterSlots.redirection("")).isNull();
  }
}
