package io.botburrow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.botburrow.devkit.llm.HeldTurn;
import io.botburrow.devkit.llm.RecordedRequest;
import io.botburrow.devkit.llm.ScriptedTurn;
import io.botburrow.devkit.redis.LocalRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Agents hand work to each other with the {@code delegate} tool, under the operator's table: the
 * manager may delegate to anyone, the tech lead to anyone but the manager, the worker to no one.
 */
class DelegationIT {
  private static LocalSystem system;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(LocalRedis.findRedisServer().isPresent(), "redis-server is not installed");
    system = new LocalSystem(List.of("manager", "tech-lead", "worker"), Map.of(
        "botburrow.delegation.allow.manager", List.of("*"),
        "botburrow.delegation.allow.tech-lead", List.of("*", "!manager"),
        "botburrow.delegation.result-wait", "3s"));
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
  }

  @Test
  void theManagerDelegatesToTheWorkerAndAnswersWithItsResultCreditingIt() {
    String ask = "ask-" + UUID.randomUUID();
    String work = "work-" + UUID.randomUUID();
    system.llm.enqueueFor(ask,
        ScriptedTurn.toolCall("delegate", "{\"agent\":\"worker\",\"task\":\"" + work + " count the open issues\"}"),
        ScriptedTurn.text("The worker counted 7 open issues."));
    system.llm.enqueueFor(work, ScriptedTurn.text("There are 7 open issues.").withUsage(5, 3));

    String taskId = message("manager", ask + " how many issues are open?");

    JsonNode done = awaitStatus(taskId, "completed");
    assertThat(done.path("result").asText()).isEqualTo("The worker counted 7 open issues.");
    RecordedRequest toWorker = system.llm.requestsContaining(work).getFirst();
    assertThat(toWorker.raw()).contains("Task delegated to you by manager (chain: manager")
        .as("the worker is offered no delegate tool").doesNotContain("\"name\":\"delegate\"");
    List<RecordedRequest> managerCalls = system.llm.requestsContaining(ask);
    assertThat(managerCalls.getFirst().raw()).contains("\"name\":\"delegate\"");
    assertThat(managerCalls.getLast().raw()).contains("worker completed task t-").contains("There are 7 open issues.");
  }

  @Test
  void theTechLeadIsRefusedTheManagerWithAClearToolError() {
    String ask = "lead-" + UUID.randomUUID();
    system.llm.enqueueFor(ask,
        ScriptedTurn.toolCall("delegate", "{\"agent\":\"manager\",\"task\":\"approve the release\"}"),
        ScriptedTurn.text("I may not hand this to the manager."));

    String taskId = message("tech-lead", ask + " get the release approved");

    awaitStatus(taskId, "completed");
    assertThat(system.llm.requestsContaining(ask).getLast().raw())
        .contains("Delegation refused: the operator does not allow tech-lead to delegate to manager");
    assertThat(system.llm.requestsContaining("approve the release")).allSatisfy(r -> assertThat(r.raw()).contains(ask));
  }

  @Test
  void aResultThatTakesLongerThanTheWaitComesBackAsAFollowUpActivation() {
    String ask = "slow-" + UUID.randomUUID();
    String work = "long-" + UUID.randomUUID();
    String answer = "answer-" + UUID.randomUUID();
    system.llm.enqueueFor(ask,
        ScriptedTurn.toolCall("delegate", "{\"agent\":\"worker\",\"task\":\"" + work + " write the report\"}"),
        ScriptedTurn.text("The worker is on it."));
    system.llm.enqueueFor(work, ScriptedTurn.text("Report: " + answer).hold());
    system.llm.enqueueFor(answer, ScriptedTurn.text("Here is the worker's report: " + answer));

    HubHttp hub = system.hubHttp();
    String ron = hub.post("/api/v1/dev/session", null, Map.of("name", "ron")).path("api_key").asText();
    String postId = hub.post("/api/v1/posts", ron, Map.of("title", "Report", "content", "Who writes the report?")).path("id").asText();
    String taskId = system.coordinatorHttp().post("/api/v1/agents/manager/messages", LocalSystem.OPERATOR_KEY,
        Map.of("content", ask + " get me the report", "thread", postId)).path("task_id").asText();
    HeldTurn held = system.llm.awaitHeld(Duration.ofSeconds(15));
    try {
      JsonNode first = awaitStatus(taskId, "completed");
      assertThat(first.path("result").asText()).isEqualTo("The worker is on it.");
      assertThat(system.llm.requestsContaining(ask).getLast().raw()).contains("worker is still working on task t-");
    } finally {
      held.release();
    }

    RecordedRequest followUp = await().atMost(Duration.ofSeconds(20)).until(
        () -> system.llm.requestsContaining("has finished task").stream().filter(r -> r.contains(answer)).findFirst(),
        java.util.Optional::isPresent).orElseThrow();
    assertThat(followUp.raw()).contains("You are manager.").contains("worker has finished task t-");
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
        .until(() -> system.llm.requestsContaining("has finished task").stream().filter(r -> r.contains(answer)).count() == 1);
    // the person reads both answers in the thread, the late one crediting the worker
    List<String> comments = await().atMost(Duration.ofSeconds(10)).until(() -> commentsBy(hub, ron, postId, "manager"),
        c -> c.size() == 2);
    assertThat(comments).containsExactly("The worker is on it.", "Here is the worker's report: " + answer);
  }

  @Test
  void aLateResultOfWorkDelegatedWhileAnsweringAMentionIsPostedInTheMentionsThread() {
    String ask = "mention-" + UUID.randomUUID();
    String work = "late-" + UUID.randomUUID();
    String answer = "late-answer-" + UUID.randomUUID();
    system.llm.enqueueFor(ask,
        ScriptedTurn.toolCall("delegate", "{\"agent\":\"worker\",\"task\":\"" + work + " count the tickets\"}"),
        ScriptedTurn.text("The worker is counting."));
    system.llm.enqueueFor(work, ScriptedTurn.text("Tickets: " + answer).hold());
    system.llm.enqueueFor(answer, ScriptedTurn.text("The worker counted: " + answer));

    HubHttp hub = system.hubHttp();
    String ron = hub.post("/api/v1/dev/session", null, Map.of("name", "ron")).path("api_key").asText();
    String postId = hub.post("/api/v1/posts", ron, Map.of("content", "@manager how many tickets are open? " + ask))
        .path("id").asText();
    HeldTurn held = system.llm.awaitHeld(Duration.ofSeconds(30));
    try {
      await().atMost(Duration.ofSeconds(20)).until(() -> commentsBy(hub, ron, postId, "manager"),
          c -> c.contains("The worker is counting."));
    } finally {
      held.release();
    }
    // the follow-up activation answers where the person asked, once
    List<String> comments = await().atMost(Duration.ofSeconds(20)).until(() -> commentsBy(hub, ron, postId, "manager"),
        c -> c.size() == 2);
    assertThat(comments).containsExactly("The worker is counting.", "The worker counted: " + answer);
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
        .until(() -> commentsBy(hub, ron, postId, "manager").size() == 2);
  }

  private static List<String> commentsBy(HubHttp hub, String key, String postId, String agent) {
    JsonNode thread = hub.get("/api/v1/posts/" + postId + "?include_comments=true", key);
    return java.util.stream.StreamSupport.stream(thread.path("comments").spliterator(), false)
        .filter(c -> agent.equals(c.path("author_name").asText())).map(c -> c.path("content").asText()).toList();
  }

  private static String message(String agent, String content) {
    return system.coordinatorHttp().post("/api/v1/agents/" + agent + "/messages", LocalSystem.OPERATOR_KEY,
        Map.of("content", content)).path("task_id").asText();
  }

  private static JsonNode awaitStatus(String taskId, String status) {
    return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
        .until(() -> system.coordinatorHttp().get("/api/v1/tasks/" + taskId, LocalSystem.OPERATOR_KEY),
            t -> t.path("status").asText().equals(status));
  }
}
