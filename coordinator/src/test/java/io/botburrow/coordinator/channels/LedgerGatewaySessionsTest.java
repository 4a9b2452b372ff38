package io.botburrow.coordinator.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.channels.discord.DiscordGateway;
import io.botburrow.queue.memory.InMemoryEffectLedger;
import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class LedgerGatewaySessionsTest {
  private final InMemoryEffectLedger ledger = new InMemoryEffectLedger(Clock.systemUTC());
  private final LedgerGatewaySessions sessions = new LedgerGatewaySessions(ledger);

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

  @Test
  void eachTenantsBotKeepsASessionOfItsOwn() {
    LedgerGatewaySessions acme = new LedgerGatewaySessions(ledger, "acme");
    sessions.save(new DiscordGateway.Session("s-default", 3, null, "900"));
    acme.save(new DiscordGateway.Session("s-acme", 7, null, "901"));

    assertThat(sessions.load()).contains(new DiscordGateway.Session("s-default", 3, null, "900"));
    assertThat(acme.load()).contains(new DiscordGateway.Session("s-acme", 7, null, "901"));
    acme.clear();
    assertThat(sessions.load()).isPresent();
    assertThat(ledger.lookup("tenant:acme:" + LedgerGatewaySessions.KEY)).isEmpty();
  }
}
