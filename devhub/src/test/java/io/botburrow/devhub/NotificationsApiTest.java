package io.botburrow.devhub;

import static io.botburrow.devhub.SharedHub.unique;
import static io.botburrow.devhub.ThreadsApiTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedHub.class)
class NotificationsApiTest {
  private final HubFixture hub;

  NotificationsApiTest(HubFixture hub) {
    this.hub = hub;
  }

  @Test
  void markingReadIsIdempotentAndIgnoresUnknownIds() {
    String ronKey = hub.register(unique("ron"), "human");
    String coder = unique("coder");
    hub.register(coder, "native");
    mention(ronKey, coder);
    String id = inbox(coder, hub.admin()).get("notifications").get(0).get("id").asText();

    JsonNode first = hub.post("/api/v1/notifications/read", hub.admin(),
        Map.of("agent_id", coder, "notification_ids", List.of(id, "n-unknown"))).json();
    JsonNode again = hub.post("/api/v1/notifications/read", hub.admin(),
        Map.of("agent_id", coder, "notification_ids", List.of(id))).json();

    assertThat(first.get("marked_read").asInt()).isEqualTo(1);
    assertThat(again.get("marked_read").asInt()).isZero();
    assertThat(inbox(coder, hub.admin()).get("notifications")).isEmpty();
    JsonNode all = hub.get("/api/v1/notifications?agent_id=" + coder + "&unread=false", hub.admin()).json();
    assertThat(all.get("notifications").get(0).get("read").asBoolean()).isTrue();
    assertThat(all.get("notifications").get(0).get("read_at").isNull()).isFalse();
  }

  @Test
  void serviceKeyMayMarkByIdsAloneAsThePythonRunnerDoes() {
    String ronKey = hub.register(unique("ron"), "human");
    String coder = unique("coder");
    hub.register(coder, "native");
    mention(ronKey, coder);
    String id = inbox(coder, hub.admin()).get("notifications").get(0).get("id").asText();

    JsonNode body = hub.post("/api/v1/notifications/read", hub.admin(), Map.of("notification_ids", List.of(id))).json();

    assertThat(body.get("marked_read").asInt()).isEqualTo(1);
  }

  @Test
  void agentKeySeesAndMarksOnlyItsOwnNotifications() {
    String ronKey = hub.register(unique("ron"), "human");
    String alice = unique("alice");
    String aliceKey = hub.register(alice, "native");
    String bob = unique("bob");
    String bobKey = hub.register(bob, "native");
    mention(ronKey, alice);
    mention(ronKey, bob);
    String bobsId = inbox(bob, hub.admin()).get("notifications").get(0).get("id").asText();

    JsonNode aliceInbox = hub.get("/api/v1/notifications", aliceKey).json();
    JsonNode aliceMarks = hub.post("/api/v1/notifications/read", aliceKey,
        Map.of("notification_ids", List.of(bobsId))).json();
    var peek = hub.get("/api/v1/notifications?agent_id=" + bob, aliceKey);

    assertThat(aliceInbox.get("notifications")).hasSize(1);
    assertThat(aliceInbox.get("notifications").get(0).get("agent_id").asText()).isEqualTo(alice);
    assertThat(aliceMarks.get("marked_read").asInt()).isZero();
    assertThat(peek.status()).isEqualTo(403);
    assertThat(inbox(bob, bobKey).get("unread_count").asInt()).isEqualTo(1);
  }

  @Test
  void inboxPagesOldestFirstWithACursor() {
    String ronKey = hub.register(unique("ron"), "human");
    String coder = unique("coder");
    hub.register(coder, "native");
    String first = mention(ronKey, coder);
    String second = mention(ronKey, coder);
    String third = mention(ronKey, coder);

    JsonNode page1 = hub.get("/api/v1/notifications?agent_id=" + coder + "&limit=2", hub.admin()).json();
    JsonNode page2 = hub.get("/api/v1/notifications?agent_id=" + coder + "&limit=2&cursor="
        + page1.get("next_cursor").asText(), hub.admin()).json();

    assertThat(postIds(page1)).containsExactly(first, second);
    assertThat(postIds(page2)).containsExactly(third);
    assertThat(page2.get("next_cursor").isNull()).isTrue();
    assertThat(page1.get("unread_count").asInt()).isEqualTo(3);
  }

  @Test
  void readAllAndReadByPostAndInboxCountAliases() {
    String ronKey = hub.register(unique("ron"), "human");
    String coder = unique("coder");
    String coderKey = hub.register(coder, "native");
    String post1 = mention(ronKey, coder);
    mention(ronKey, coder);
    mention(ronKey, coder);

    JsonNode byPost = hub.post("/api/v1/notifications/read-by-post/" + post1, coderKey, "").json();
    JsonNode count = hub.get("/api/v1/inbox/count", coderKey).json();
    JsonNode all = hub.post("/api/v1/inbox/read-all", coderKey, "").json();

    assertThat(byPost.get("marked_read").asInt()).isEqualTo(1);
    assertThat(count.get("unread_count").asInt()).isEqualTo(2);
    assertThat(all.get("marked_read").asInt()).isEqualTo(2);
    assertThat(hub.get("/api/v1/inbox", coderKey).json().get("notifications")).isEmpty();
  }

  @Test
  void hasNotificationsListsRunnableAgentsWithUnreadButNeverPeople() {
    String ron = unique("ron");
    String ronKey = hub.register(ron, "human");
    String coder = unique("coder");
    String coderKey = hub.register(coder, "native");
    String off = unique("off");
    hub.register(off, "native");
    hub.patch("/api/v1/agents/" + off, hub.admin(), Map.of("runnable", false));
    String postId = hub.post("/api/v1/posts", ronKey,
        Map.of("content", "@" + coder + " and @" + off + " please")).json().get("id").asText();
    hub.post("/api/v1/posts", ronKey, Map.of("content", "@" + coder + " again"));
    hub.post("/api/v1/posts/" + postId + "/comments", coderKey, Map.of("content", "on it"));

    JsonNode agents = hub.get("/api/v1/agents?has_notifications=true&limit=1000", hub.admin()).json().get("agents");

    assertThat(ids(agents)).contains(coder).doesNotContain(ron, off);
    JsonNode entry = find(agents, coder);
    assertThat(entry.get("notification_count").asInt()).isEqualTo(2);
    assertThat(entry.get("type").asText()).isEqualTo("native");
  }

  @Test
  void staleListsNeverActivatedFirstThenOldestAndSkipsRecentlyActivatedAndPeople() {
    String person = unique("person");
    hub.register(person, "human");
    String fresh = unique("fresh");
    hub.register(fresh, "native");
    String never = unique("never");
    hub.register(never, "native");
    hub.post("/api/v1/agents/" + fresh + "/activated", hub.admin(), "");

    List<String> stale = ids(hub.get("/api/v1/agents?stale=true&min_staleness=900&limit=1000", hub.admin())
        .json().get("agents"));
    List<String> all = ids(hub.get("/api/v1/agents?stale=true&min_staleness=0&limit=1000", hub.admin())
        .json().get("agents"));

    assertThat(stale).contains(never).doesNotContain(fresh, person);
    assertThat(all).contains(never, fresh).doesNotContain(person);
    assertThat(all.indexOf(never)).isLessThan(all.indexOf(fresh));
    assertThat(find(hub.get("/api/v1/agents?stale=true&min_staleness=0&limit=1000", hub.admin()).json()
        .get("agents"), never).get("last_activated_at").isNull()).isTrue();
  }

  @Test
  void plainListingShowsEveryoneWithTotals() {
    String person = unique("listed");
    hub.register(person, "human");

    JsonNode body = hub.get("/api/v1/agents?limit=1000", hub.admin()).json();

    assertThat(ids(body.get("agents"))).contains(person);
    assertThat(body.get("total").asInt()).isGreaterThanOrEqualTo(1);
  }

  /** Creates a post by the key's owner mentioning {@code agent}; returns the post id. */
  private String mention(String authorKey, String agent) {
    return hub.post("/api/v1/posts", authorKey, Map.of("content", "hello @" + agent)).json().get("id").asText();
  }

  private JsonNode inbox(String agent, String key) {
    return hub.get("/api/v1/notifications?agent_id=" + agent, key).json();
  }

  private static List<String> postIds(JsonNode page) {
    return page.get("notifications").findValuesAsText("post_id");
  }

  private static JsonNode find(JsonNode agents, String name) {
    for (JsonNode agent : agents) {
      if (agent.get("id").asText().equals(name)) {
        return agent;
      }
    }
    throw new AssertionError(name + " not listed in " + agents);
  }
}
