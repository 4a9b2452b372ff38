package io.botburrow.channels.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatewayPayloadsTest {
  @Test
  void identifyNamesTheTokenTheIntentsAndTheClient() {
    assertThat(GatewayPayloads.identify("t-1", DiscordGateway.DEFAULT_INTENTS)).isEqualTo(
        "{\"op\":2,\"d\":{\"token\":\"t-1\",\"intents\":37376,"
            + "\"properties\":{\"os\":\"linux\",\"browser\":\"botburrow\",\"device\":\"botburrow\"}}}");
  }

  @Test
  void resumeNamesTheSessionAndTheLastSequence() {
    assertThat(GatewayPayloads.resume("t-1", "s-1", 42))
        .isEqualTo("{\"op\":6,\"d\":{\"token\":\"t-1\",\"session_id\":\"s-1\",\"seq\":42}}");
  }

  @Test
  void aHeartbeatNamesTheLastSequenceOrNullBeforeTheFirst() {
    assertThat(GatewayPayloads.heartbeat(7)).isEqualTo("{\"op\":1,\"d\":7}");
    assertThat(GatewayPayloads.heartbeat(-1)).isEqualTo("{\"op\":1,\"d\":null}");
  }
}
