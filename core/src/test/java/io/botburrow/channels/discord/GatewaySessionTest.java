package io.botburrow.channels.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GatewaySessionTest {
  private static final URI GATEWAY = URI.create("wss://gateway.discord.gg/?v=10&encoding=json");
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicReference<DiscordGateway.Session> stored = new AtomicReference<>();
  private final DiscordGateway.SessionStore store = new DiscordGateway.SessionStore() {
    @Override
    public Optional<DiscordGateway.Session> load() {
      return Optional.ofNullable(stored.get());
    }

    @Override
    public void save(DiscordGateway.Session session) {
      stored.set(session);
    }

    @Override
    public void clear() {
      stored.set(null);
    }
  };

  @Test
  void aReadySessionIsStoredWithItsResumeUrlOnceItHasASequence() throws Exception {
    GatewaySession session = new GatewaySession(store);
    assertThat(session.restore(GATEWAY)).isEqualTo(GATEWAY);

    session.ready(json.readTree("{\"session_id\":\"s-1\",\"resume_gateway_url\":\"wss://resume.example\",\"user\":{\"id\":\"900\"}}"));
    session.save();
    assertThat(stored.get()).isNull();
    assertThat(session.resumable()).isFalse();

    session.sequenced(event(3));
    session.save();

    assertThat(session.resumable()).isTrue();
    assertThat(stored.get()).isEqualTo(
        new DiscordGateway.Session("s-1", 3, URI.create("wss://resume.example/?v=10&encoding=json"), "900"));
    assertThat(session.reconnectUrl(GATEWAY)).isEqualTo(URI.create("wss://resume.example/?v=10&encoding=json"));
  }

  @Test
  void aStoredSessionIsResumedWhereItLeftOff() {
    URI resume = URI.create("wss://resume.example/?v=10");
    stored.set(new DiscordGateway.Session("s-1", 9, resume, "900"));
    GatewaySession session = new GatewaySession(store);

    assertThat(session.restore(GATEWAY)).isEqualTo(resume);
    assertThat(session.resumable()).isTrue();
    assertThat(session.sequence()).isEqualTo(9);
    assertThat(session.botUserId()).isEqualTo("900");
  }

  @Test
  void anInvalidatedSessionIsForgottenHereAndInTheStore() {
    stored.set(new DiscordGateway.Session("s-1", 9, URI.create("wss://resume.example/?v=10"), "900"));
    GatewaySession session = new GatewaySession(store);
    session.restore(GATEWAY);

    session.invalidate();

    assertThat(session.resumable()).isFalse();
    assertThat(session.id()).isNull();
    assertThat(session.sequence()).isEqualTo(-1);
    assertThat(stored.get()).isNull();
  }

  @Test
  void aStoreThatFailsDoesNotStopTheSession() throws Exception {
    GatewaySession session = new GatewaySession(new DiscordGateway.SessionStore() {
      @Override
      public Optional<DiscordGateway.Session> load() {
        throw new IllegalStateException("Redis is down");
      }

      @Override
      public void save(DiscordGateway.Session s) {
        throw new IllegalStateException("Redis is down");
      }

      @Override
      public void clear() {
        throw new IllegalStateException("Redis is down");
      }
    });

    assertThat(session.restore(GATEWAY)).isEqualTo(GATEWAY);
    session.ready(json.readTree("{\"session_id\":\"s-1\"}"));
    session.sequenced(event(1));
    session.save();
    session.invalidate();
    assertThat(session.id()).isNull();
  }

  private JsonNode event(long sequence) throws Exception {
    return json.readTree("{\"op\":0,\"s\":" + sequence + ",\"t\":\"MESSAGE_CREATE\",\"d\":{}}");
  }
}
