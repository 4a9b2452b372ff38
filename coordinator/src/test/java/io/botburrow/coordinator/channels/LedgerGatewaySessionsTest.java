package io.botburrow.coordinator.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.channels.discord.DiscordGateway;
import io.botburrow.queue.memory.InMemoryEffectLedger;
import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class LedgerGatewaySessionsTest {
  private final LedgerGatewaySessions sessions = new LedgerGatewaySessions(new InMemoryEffectLedger(Clock.systemUTC()));

  @Test
  void theLatestSessionIsWhatTheNextLeaderReads() {
    sessions.save(new DiscordGateway.Session("s-1", 4, URI.create("wss://resume.example/?v=10&encoding=json"), "900"));
    sessions.save(new DiscordGateway.Session("s-1", 9, URI.create("wss://resume.example/?v=10&encoding=json"), "900"));

    assertThat(sessions.load()).contains(
        new DiscordGateway.Session("s-1", 9, URI.create("wss://resume.example/?v=10&encoding=json"), "900"));
  }

  @Test
  void aClearedSessionIsGoneAndAMalformedOneIsIgnored() {
    sessions.save(new DiscordGateway.Session("s-2", 1, null, null));
    sessions.clear();

    assertThat(sessions.load()).isEmpty();
    assertThat(LedgerGatewaySessions.parse("garbage")).isEmpty();
    assertThat(LedgerGatewaySessions.parse("s|notanumber||")).isEmpty();
  }
}
