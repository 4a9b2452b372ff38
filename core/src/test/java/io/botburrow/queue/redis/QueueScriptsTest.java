package io.botburrow.queue.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.activation.ActivationKind;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QueueScriptsTest {

  @Test
  void scriptsKnowTheKindsInDeclarationOrder() {
    String names = Arrays.stream(ActivationKind.values())
        .map(kind -> "'" + kind.wireName() + "'").collect(Collectors.joining(", "));
    String keyed = Arrays.stream(ActivationKind.values())
        .map(kind -> String.valueOf(kind.keyed())).collect(Collectors.joining(", "));

    String prelude = QueueScripts.load().claim();

    assertThat(prelude).contains("local KIND_NAMES = {" + names + "}");
    assertThat(prelude).contains("local KEYED = {" + keyed + "}");
  }

  @Test
  void everyKindHasItsKeysInTheScriptLayout() {
    RedisQueueKeys keys = new RedisQueueKeys("p:");

    assertThat(keys.scriptKeys()).hasSize(13 + 5 * ActivationKind.values().length);
    assertThat(keys.scriptKeys().get(13)).isEqualTo(keys.ready(ActivationKind.NOTIFICATION));
  }
}
