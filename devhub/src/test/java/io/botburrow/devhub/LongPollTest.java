package io.botburrow.devhub;

import static io.botburrow.devhub.ThreadsApiTest.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Long-poll and start-up settings on a Hub of its own: "nobody has work" must be true here, which a
 * Hub shared with other tests cannot promise. This Hub runs in insecure-dev mode without discovery.
 */
class LongPollTest {
  private static HubFixture hub;

  @BeforeAll
  static void start() {
    hub = HubFixture.start(Map.of(
        "botburrow.hub.admin-key", "long-poll-admin-key",
        "botburrow.hub.insecure-dev", true,
        "botburrow.hub.discovery-enabled", false,
        "botburrow.hub.seed-agents", List.of("ron:human", "claude-coder-1:claude-code", "claude-coder-2:claude-code")));
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @AfterEach
  void readEverything() {
    for (JsonNode agent : hub.get("/api/v1/agents", null).json().get("agents")) {
      hub.post("/api/v1/notifications/read-all?agent_id=" + agent.get("id").asText(), null, "");
    }
  }

  @Test
  void seededMembersExistAndNoHeaderActsAsTheServiceInInsecureMode() {
    assertThat(hub.get("/api/v1/agents/me?agent_id=ron", null).json().get("type").asText()).isEqualTo("human");
    assertThat(hub.get("/api/v1/agents/claude-coder-1", null).json().get("type").asText())
        .isEqualTo("claude-code");
  }

  @Test
  void adminKeyComesFromTheStartPropertiesAndOnlyThatKeyIsAccepted() {
    assertThat(hub.admin()).isEqualTo("long-poll-admin-key");
    assertThat(hub.get("/api/v1/agents/me?agent_id=ron", "long-poll-admin-key").status()).isEqualTo(200);
    assertThat(hub.get("/api/v1/agents/me?agent_id=ron", "dev-admin-key").status()).isEqualTo(401);
  }

  @Test
  void staleListsNobodyWhenDiscoveryIsDisabled() {
    JsonNode agents = hub.get("/api/v1/agents?stale=true&min_staleness=0", null).json().get("agents");

    assertThat(agents).isEmpty();
  }

  @Test
  void returnsAtOnceWhenARunnableAgentHasUnreadNotifications() {
    mentionCoder("are you there?");
    long started = System.nanoTime();

    JsonNode body = hub.get("/api/v1/notifications/poll?timeout=30&batch_size=100", null).json();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(ids(body.get("agents"))).containsExactly("claude-coder-1");
    assertThat(body.get("agents").get(0).get("notification_count").asInt()).isEqualTo(1);
  }

  @Test
  void wakesWithinOneSecondWhenAMentionArrivesDuringTheWait() {
    CompletableFuture<HubFixture.Reply> poll = hub.getAsync("/api/v1/notifications/poll?timeout=20", null);
    awaitParkedPolls(1);

    long mentioned = System.nanoTime();
    mentionCoder("wake up");
    HubFixture.Reply reply = poll.orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join();

    assertThat(Duration.ofNanos(System.nanoTime() - mentioned)).isLessThan(Duration.ofSeconds(1));
    assertThat(ids(reply.json().get("agents"))).containsExactly("claude-coder-1");
  }

  @Test
  void notificationsForPeopleDoNotEndTheWaitAndTheTimeoutAnswersAnEmptyList() {
    CompletableFuture<HubFixture.Reply> poll = hub.getAsync("/api/v1/notifications/poll?timeout=1.5", null);
    awaitParkedPolls(1);
    long started = System.nanoTime();
    hub.post("/api/v1/posts", null, Map.of("agent_id", "claude-coder-1", "content", "@ron hello"));

    HubFixture.Reply reply = poll.join();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(900));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("agents")).isEmpty();
    assertThat(hub.get("/api/v1/agents?has_notifications=true", null).json().get("agents")).isEmpty();
  }

  @Test
  void twoHundredConcurrentPollersAreAllAnswered() {
    List<CompletableFuture<HubFixture.Reply>> polls = IntStream.range(0, 200)
        .mapToObj(i -> hub.getAsync("/api/v1/notifications/poll?timeout=30", null)).toList();
    awaitParkedPolls(200);

    mentionCoder("everyone at once");

    CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).orTimeout(15, java.util.concurrent.TimeUnit.SECONDS).join();
    assertThat(polls).allSatisfy(poll -> assertThat(ids(poll.join().json().get("agents")))
        .containsExactly("claude-coder-1"));
    assertThat(hub.get("/api/v1/health", null).json().get("waiting_polls").asInt()).isZero();
  }

  @Test
  void aPollWithTheLastCursorWaitsWhileOnlyAlreadyReportedNotificationsAreUnread() {
    mentionCoder("first question");
    String cursor = hub.get("/api/v1/notifications/poll?timeout=30", null).json().get("cursor").asText();
    long started = System.nanoTime();

    JsonNode body = hub.get("/api/v1/notifications/poll?timeout=1.5&cursor=" + cursor, null).json();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(1400));
    assertThat(body.get("agents")).isEmpty();
    assertThat(body.get("cursor").asText()).isEqualTo(cursor);
  }

  @Test
  void aPollWithACursorWakesForANewerNotificationAndAdvancesTheCursor() {
    mentionCoder("first question");
    String cursor = hub.get("/api/v1/notifications/poll?timeout=30", null).json().get("cursor").asText();
    CompletableFuture<HubFixture.Reply> poll = hub.getAsync("/api/v1/notifications/poll?timeout=20&cursor=" + cursor, null);
    awaitParkedPolls(1);

    mentionCoder("second question");
    JsonNode body = poll.orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join().json();

    assertThat(ids(body.get("agents"))).containsExactly("claude-coder-1");
    assertThat(body.get("agents").get(0).get("notification_count").asInt()).isEqualTo(2);
    assertThat(Long.parseLong(body.get("cursor").asText())).isGreaterThan(Long.parseLong(cursor));
  }

  @Test
  void aFullPageKeepsTheCursorShortOfTheAgentLeftOutSoItIsListedNext() {
    String cursor = hub.get("/api/v1/notifications/poll?timeout=0", null).json().get("cursor").asText();
    mentionCoder("you first");
    hub.post("/api/v1/posts", null, Map.of("agent_id", "ron", "content", "@claude-coder-2 then you"));

    JsonNode first = hub.get("/api/v1/notifications/poll?timeout=5&batch_size=1&cursor=" + cursor, null).json();
    JsonNode second = hub.get("/api/v1/notifications/poll?timeout=5&batch_size=1&cursor=" + first.get("cursor").asText(), null).json();

    assertThat(ids(first.get("agents"))).containsExactly("claude-coder-1");
    assertThat(ids(second.get("agents"))).containsExactly("claude-coder-2");
  }

  @Test
  void aCursorThatIsNotANumberIsABadRequest() {
    assertThat(hub.get("/api/v1/notifications/poll?timeout=0&cursor=abc", null).status()).isEqualTo(400);
  }

  private static void mentionCoder(String text) {
    var reply = hub.post("/api/v1/posts", null, Map.of("agent_id", "ron", "content", "@claude-coder-1 " + text));
    assertThat(reply.status()).isEqualTo(201);
  }

  private static void awaitParkedPolls(int count) {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(
        () -> hub.get("/api/v1/health", null).json().get("waiting_polls").asInt() >= count);
  }
}
