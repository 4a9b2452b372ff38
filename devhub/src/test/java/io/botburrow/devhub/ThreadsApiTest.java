package io.botburrow.devhub;

import static io.botburrow.devhub.SharedHub.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedHub.class)
class ThreadsApiTest {
  private final HubFixture hub;

  ThreadsApiTest(HubFixture hub) {
    this.hub = hub;
  }

  @Test
  void postMentioningAnAgentNotifiesItWithTheFullText() {
    String ron = unique("ron");
    String ronKey = hub.register(ron, "human");
    String coder = unique("coder");
    hub.register(coder, "claude-code");
    String content = "@" + coder + " can you look at this? " + "details ".repeat(40);

    var created = hub.post("/api/v1/posts", ronKey,
        Map.of("community", "m/general", "title", "Auth is broken", "content", content));

    assertThat(created.status()).isEqualTo(201);
    JsonNode post = created.json();
    assertThat(post.get("community").asText()).isEqualTo("m/general");
    assertThat(post.get("submolt").asText()).isEqualTo("general");
    assertThat(post.get("author").get("type").asText()).isEqualTo("human");
    assertThat(post.get("post").get("id").asText()).isEqualTo(post.get("id").asText());
    JsonNode inbox = notifications(coder);
    assertThat(inbox.get("unread_count").asInt()).isEqualTo(1);
    JsonNode note = inbox.get("notifications").get(0);
    assertThat(note.get("type").asText()).isEqualTo("mention");
    assertThat(note.get("post_id").asText()).isEqualTo(post.get("id").asText());
    assertThat(note.get("content").asText()).isEqualTo(content);
    assertThat(note.get("preview").asText()).hasSize(200);
    assertThat(note.get("from_agent").get("name").asText()).isEqualTo(ron);
    assertThat(note.get("from_agent").get("type").asText()).isEqualTo("human");
    assertThat(note.get("read").asBoolean()).isFalse();
  }

  @Test
  void mentionsAreMatchedCaseInsensitivelyWithoutTrailingPunctuationAndUnknownNamesIgnored() {
    String author = hub.register(unique("writer"), "human");
    String coder = unique("coder");
    hub.register(coder, "native");

    hub.post("/api/v1/posts", author, Map.of("title", "Hey @" + coder.toUpperCase() + "_",
        "content", "ping @" + coder + "- and @nobody-at-all, mail me at x@" + coder));

    JsonNode inbox = notifications(coder);
    assertThat(inbox.get("notifications")).hasSize(1);
  }

  @Test
  void commentNotifiesPostAuthorWithReplyAndMentionedAgentWithMention() {
    String ron = unique("ron");
    String ronKey = hub.register(ron, "human");
    String coder = unique("coder");
    String coderKey = hub.register(coder, "native");
    String helper = unique("helper");
    hub.register(helper, "native");
    String postId = hub.post("/api/v1/posts", ronKey, Map.of("content", "a question")).json().get("id").asText();

    String reply = "Looking now, @" + helper + " any idea?";
    var comment = hub.post("/api/v1/posts/" + postId + "/comments", coderKey, Map.of("content", reply));

    assertThat(comment.status()).isEqualTo(201);
    assertThat(comment.json().get("comment").get("post_id").asText()).isEqualTo(postId);
    JsonNode ronNote = notifications(ron).get("notifications").get(0);
    assertThat(ronNote.get("type").asText()).isEqualTo("reply");
    assertThat(ronNote.get("content").asText()).isEqualTo(reply);
    assertThat(ronNote.get("comment_id").asText()).isEqualTo(comment.json().get("id").asText());
    JsonNode helperNote = notifications(helper).get("notifications").get(0);
    assertThat(helperNote.get("type").asText()).isEqualTo("mention");
    assertThat(notifications(coder).get("notifications")).isEmpty();
  }

  @Test
  void mentionWinsOverReplyAndEachRecipientGetsOneNotificationPerComment() {
    String ron = unique("ron");
    String ronKey = hub.register(ron, "human");
    String coder = unique("coder");
    String coderKey = hub.register(coder, "native");
    String postId = hub.post("/api/v1/posts", ronKey, Map.of("content", "question")).json().get("id").asText();
    String parentId = hub.post("/api/v1/posts/" + postId + "/comments", ronKey,
        Map.of("content", "more detail")).json().get("id").asText();

    hub.post("/api/v1/posts/" + postId + "/comments", coderKey,
        Map.of("content", "@" + ron + " @" + ron + " answered", "parent_id", parentId));

    JsonNode notes = notifications(ron).get("notifications");
    assertThat(notes).hasSize(1);
    assertThat(notes.get(0).get("type").asText()).isEqualTo("mention");
  }

  @Test
  void authorIsNeverNotifiedAboutOwnContent() {
    String coder = unique("coder");
    String coderKey = hub.register(coder, "native");
    String postId = hub.post("/api/v1/posts", coderKey,
        Map.of("content", "note to self @" + coder)).json().get("id").asText();

    hub.post("/api/v1/posts/" + postId + "/comments", coderKey, Map.of("content", "and @" + coder + " again"));

    assertThat(notifications(coder).get("notifications")).isEmpty();
  }

  @Test
  void threadHasFlatCommentsOldestFirstAndTheTreeNestsReplies() {
    String key = hub.register(unique("ron"), "human");
    String postId = hub.post("/api/v1/posts", key, Map.of("content", "root")).json().get("id").asText();
    String first = hub.post("/api/v1/posts/" + postId + "/comments", key, Map.of("content", "first"))
        .json().get("id").asText();
    hub.post("/api/v1/posts/" + postId + "/comments", key, Map.of("content", "nested", "parent_id", first));
    hub.post("/api/v1/posts/" + postId + "/comments", key, Map.of("content", "second"));

    JsonNode thread = hub.get("/api/v1/posts/" + postId + "?include_comments=true", key).json();
    assertThat(texts(thread.get("comments"))).containsExactly("first", "nested", "second");
    assertThat(thread.get("comment_count").asInt()).isEqualTo(3);
    assertThat(thread.get("post").get("comments")).hasSize(3);
    assertThat(thread.get("comments").get(1).get("depth").asInt()).isEqualTo(1);

    JsonNode tree = hub.get("/api/v1/posts/" + postId + "/comments?sort=old", key).json().get("comments");
    assertThat(texts(tree)).containsExactly("first", "second");
    assertThat(texts(tree.get(0).get("replies"))).containsExactly("nested");
  }

  @Test
  void concurrentCommentsAreAllKeptAndEachNotifiesThePostAuthor() {
    String ron = unique("ron");
    String ronKey = hub.register(ron, "human");
    String coderKey = hub.register(unique("coder"), "native");
    String postId = hub.post("/api/v1/posts", ronKey, Map.of("content", "busy thread")).json().get("id").asText();

    List<CompletableFuture<HubFixture.Reply>> comments = IntStream.range(0, 40)
        .mapToObj(i -> hub.postAsync("/api/v1/posts/" + postId + "/comments", coderKey, Map.of("content", "c" + i)))
        .toList();

    assertThat(comments).allSatisfy(c -> assertThat(c.join().status()).isEqualTo(201));
    assertThat(hub.get("/api/v1/posts/" + postId, ronKey).json().get("comment_count").asInt()).isEqualTo(40);
    assertThat(hub.get("/api/v1/inbox/count", ronKey).json().get("unread_count").asInt()).isEqualTo(40);
  }

  @Test
  void commentOnUnknownPostIs404AndEmptyCommentIs400() {
    String key = hub.register(unique("ron"), "human");
    String postId = hub.post("/api/v1/posts", key, Map.of("content", "root")).json().get("id").asText();

    var unknown = hub.post("/api/v1/posts/nope/comments", key, Map.of("content", "hi"));
    var empty = hub.post("/api/v1/posts/" + postId + "/comments", key, Map.of("content", " "));
    var badParent = hub.post("/api/v1/posts/" + postId + "/comments", key, Map.of("content", "x", "parent_id", "nope"));

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("error").asText()).isEqualTo("Post not found");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(badParent.status()).isEqualTo(404);
  }

  @Test
  void postWithoutContentOrUrlIs400() {
    String key = hub.register(unique("ron"), "human");

    assertThat(hub.post("/api/v1/posts", key, Map.of("title", "only a title")).status()).isEqualTo(400);
  }

  @Test
  void searchFindsPostsByTextCaseInsensitively() {
    String key = hub.register(unique("ron"), "human");
    String marker = unique("Zebra");
    String postId = hub.post("/api/v1/posts", key,
        Map.of("title", "About " + marker, "content", "stripes")).json().get("id").asText();

    JsonNode body = hub.get("/api/v1/search?q=" + marker.toLowerCase() + "&limit=5", key).json();

    assertThat(body.get("results")).hasSize(1);
    assertThat(body.get("results").get(0).get("id").asText()).isEqualTo(postId);
    assertThat(body.get("posts").get(0).get("id").asText()).isEqualTo(postId);
    assertThat(hub.get("/api/v1/search?q=" + marker + "-nothing", key).json().get("results")).isEmpty();
  }

  @Test
  void discoverIsNewestFirstAndExcludesPostsTheAgentRespondedTo() {
    String key = hub.register(unique("ron"), "human");
    String agent = unique("explorer");
    String agentKey = hub.register(agent, "native");
    String community = unique("lab");
    String older = newPost(key, community, "older");
    String answered = newPost(key, community, "answered");
    String newest = newPost(key, community, "newest");
    hub.post("/api/v1/posts/" + answered + "/comments", agentKey, Map.of("content", "my answer"));

    JsonNode posts = hub.get("/api/v1/feed/discover?agent_id=" + agent + "&communities=" + community,
        hub.admin()).json().get("posts");

    assertThat(ids(posts)).containsExactly(newest, older);
  }

  @Test
  void postListIsPaginatedNewestFirstPerCommunity() {
    String key = hub.register(unique("ron"), "human");
    String community = unique("paged");
    String first = newPost(key, community, "one");
    String second = newPost(key, community, "two");

    JsonNode body = hub.get("/api/v1/posts?sort=new&limit=1&submolt=" + community, key).json();

    assertThat(ids(body.get("data"))).containsExactly(second);
    assertThat(body.get("pagination").get("hasMore").asBoolean()).isTrue();
    JsonNode next = hub.get("/api/v1/posts?limit=1&offset=1&submolt=m/" + community, key).json();
    assertThat(ids(next.get("data"))).containsExactly(first);
  }

  @Test
  void communitiesAreCreatedOnFirstUseAndListed() {
    String key = hub.register(unique("ron"), "human");
    String community = unique("garden");
    newPost(key, community, "first post");

    JsonNode submolts = hub.get("/api/v1/submolts", key).json().get("submolts");
    var duplicate = hub.post("/api/v1/submolts", key, Map.of("name", community));

    assertThat(ids(submolts)).contains("general", community);
    assertThat(duplicate.status()).isEqualTo(409);
  }

  private String newPost(String key, String community, String content) {
    return hub.post("/api/v1/posts", key, Map.of("submolt", community, "content", content))
        .json().get("id").asText();
  }

  private JsonNode notifications(String agent) {
    return hub.get("/api/v1/notifications?agent_id=" + agent + "&unread=true", hub.admin()).json();
  }

  private static List<String> texts(JsonNode comments) {
    List<String> texts = new ArrayList<>();
    comments.forEach(c -> texts.add(c.get("content").asText()));
    return texts;
  }

  static List<String> ids(JsonNode items) {
    List<String> ids = new ArrayList<>();
    items.forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }
}
