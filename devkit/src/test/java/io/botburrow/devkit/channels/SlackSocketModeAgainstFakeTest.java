package io.botburrow.devkit.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.botburrow.channels.slack.SlackSocketMode;
import io.botburrow.channels.slack.SlackWebApi;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Socket Mode against the fake: events arrive, are acknowledged once taken, and one not taken comes again. */
class SlackSocketModeAgainstFakeTest {
  private static final String EVENT = """
      {"team_id":"T0TEAM","type":"event_callback","event_id":"Ev1","event":{"type":"app_mention","user":"U1",
       "text":"<@U0BOTBURROW> hi","ts":"1767000000.000100","channel":"C1"}}""";
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final List<JsonNode> taken = new CopyOnWriteArrayList<>();
  private final AtomicBoolean accepting = new AtomicBoolean(true);
  private final java.util.concurrent.atomic.AtomicInteger offered = new java.util.concurrent.atomic.AtomicInteger();
  private FakeSlack slack;
  private SlackSocketMode socket;

  @BeforeEach
  void start() throws Exception {
    slack = FakeSlack.start("xoxb-test", "xapp-test");
    HttpClient http = HttpClient.newHttpClient();
    socket = new SlackSocketMode(http, SlackWebApi.create(slack.baseUrl(), "xapp-test", Duration.ofSeconds(5)),
        scheduler, Duration.ofMillis(100));
    socket.onEvent(payload -> {
      offered.incrementAndGet();
      if (!accepting.get()) {
        return false;
      }
      taken.add(payload);
      return true;
    });
  }

  @AfterEach
  void stop() {
    socket.close();
    scheduler.shutdownNow();
    slack.close();
  }

  @Test
  void anEventArrivesAndIsAcknowledged() throws Exception {
    socket.connect();
    await().atMost(Duration.ofSeconds(5)).until(slack::socketConnected);

    String envelope = slack.sendOverSocket(EVENT);

    await().atMost(Duration.ofSeconds(5)).until(() -> slack.acks().contains(envelope));
    assertThat(taken).singleElement().satisfies(p -> assertThat(p.path("event_id").asText()).isEqualTo("Ev1"));
  }

  @Test
  void anEventNotTakenIsNotAcknowledgedAndComesAgainAfterAReconnect() throws Exception {
    socket.connect();
    await().atMost(Duration.ofSeconds(5)).until(slack::socketConnected);
    accepting.set(false);
    String envelope = slack.sendOverSocket(EVENT);
    await().atMost(Duration.ofSeconds(5)).until(() -> offered.get() == 1);
    assertThat(slack.acks()).doesNotContain(envelope);
    assertThat(taken).isEmpty();

    accepting.set(true);
    slack.dropSocket();

    await().atMost(Duration.ofSeconds(5)).until(() -> slack.acks().contains(envelope));
    assertThat(slack.socketConnections()).isEqualTo(2);
    assertThat(taken).hasSize(1);
    assertThat(offered.get()).isEqualTo(2);
  }

  @Test
  void aWrongAppTokenKeepsRetryingWithoutConnecting() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    SlackSocketMode wrong = new SlackSocketMode(http, SlackWebApi.create(slack.baseUrl(), "xapp-wrong", Duration.ofSeconds(5)),
        scheduler, Duration.ofMillis(50));
    wrong.connect();
    try {
      await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> slack.socketConnections() == 0);
    } finally {
      wrong.close();
    }
  }
}
