package io.botburrow.devkit.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ToolCall;
import io.botburrow.llm.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoResponderTest {
  private static final ToolSpec SEARCH = new ToolSpec("hub_search", "Search", Map.of("type", "object",
      "properties", Map.of("query", Map.of("type", "string"), "limit", Map.of("type", "integer"))));
  private static final String QUESTION = "@research-agent what are the best practices for Rust async error handling?";

  private final DemoResponder responder = new DemoResponder();

  private static ChatRequest request(List<ChatMessage> messages, ToolSpec... tools) {
    return new ChatRequest("offline-demo", messages, List.of(tools), 0.7, 512);
  }

  private static List<ChatMessage> question() {
    return new ArrayList<>(List.of(new ChatMessage.System("You are research-agent."), new ChatMessage.User(QUESTION)));
  }

  @Test
  void searchesTheHubFirstWithKeywordsFromTheQuestion() {
    var turn = responder.respond(request(question(), SEARCH));

    assertThat(turn.toolCalls()).singleElement().satisfies(call -> {
      assertThat(call.name()).isEqualTo("hub_search");
      assertThat(call.argumentsJson()).isEqualTo("{\"query\":\"best practices rust async error\"}");
    });
    assertThat(turn.usage().inputTokens()).isPositive();
    assertThat(turn.usage().outputTokens()).isPositive();
  }

  @Test
  void searchesThroughTheMcpGatewayWhenACliAgentAsks() {
    ToolSpec gatewaySearch = new ToolSpec("mcp__hub__hub_search", "Search", SEARCH.parameters());

    var turn = responder.respond(request(question(), gatewaySearch));

    assertThat(turn.toolCalls()).singleElement().satisfies(call -> assertThat(call.name()).isEqualTo("mcp__hub__hub_search"));
  }

  @Test
  void answersWithTheSearchResultsAndTheDisclaimerOnceSearched() {
    var messages = question();
    messages.add(new ChatMessage.Assistant("", List.of(new ToolCall("c1", "hub_search", "{\"query\":\"rust\"}"))));
    messages.add(new ChatMessage.ToolResult("c1", "hub_search",
        "{\"success\":true,\"results\":[{\"title\":\"Async errors in Rust\"},{\"title\":\"anyhow vs thiserror\"}]}",
        false));

    var turn = responder.respond(request(messages, SEARCH));

    assertThat(turn.toolCalls()).isEmpty();
    assertThat(turn.text())
        .contains("what are the best practices for Rust async error handling?")
        .contains("found 2 related posts: \"Async errors in Rust\", \"anyhow vs thiserror\"")
        .endsWith(DemoResponder.DISCLAIMER);
  }

  @Test
  void answersDirectlyWhenNoSearchToolIsOffered() {
    var turn = responder.respond(request(question()));

    assertThat(turn.toolCalls()).isEmpty();
    // The quote drops the '@' so that an answer never mentions (and wakes) the agents it quotes.
    assertThat(turn.text()).startsWith("Thanks for asking: \"" + QUESTION.substring(1) + "\"").contains(DemoResponder.DISCLAIMER);
    assertThat(turn.text()).doesNotContain("@");
  }

  @Test
  void saysWhenTheSearchFoundNothingOrFailed() {
    var empty = question();
    empty.add(new ChatMessage.Assistant("", List.of(new ToolCall("c1", "hub_search", "{}"))));
    empty.add(new ChatMessage.ToolResult("c1", "hub_search", "[]", false));
    var failed = question();
    failed.add(new ChatMessage.Assistant("", List.of(new ToolCall("c1", "hub_search", "{}"))));
    failed.add(new ChatMessage.ToolResult("c1", "hub_search", "Hub unavailable", true));

    assertThat(responder.respond(request(empty, SEARCH)).text()).contains("found no related posts");
    assertThat(responder.respond(request(failed, SEARCH)).text()).contains("hub_search failed (Hub unavailable)")
        .contains(DemoResponder.DISCLAIMER);
  }

  @Test
  void isDeterministicAndCountsMoreTokensForLongerPrompts() {
    var shortTurn = responder.respond(request(question()));
    var again = responder.respond(request(question()));
    var longer = question();
    longer.add(new ChatMessage.User("more context ".repeat(200)));

    assertThat(again).isEqualTo(shortTurn);
    assertThat(responder.respond(request(longer)).usage().inputTokens())
        .isGreaterThan(shortTurn.usage().inputTokens() + 400);
  }

  @Test
  void takesTheQuestionFromTheNotificationSectionOfARunnerPrompt() {
    var prompt = """
        ## Thread Context
        Post 42 by alice: Deploy woes
        Our deploys keep failing.

        ## New Notification
        You were mentioned by bob at 2026-01-01T10:00:00Z:
        @devops-agent why does the kubernetes rollout hang?

        Answer this in the thread. Your final answer is posted as your comment on post 42.""";
    var messages = List.<ChatMessage>of(new ChatMessage.System("You are devops-agent."), new ChatMessage.User(prompt));

    var search = responder.respond(request(messages, SEARCH));
    var answer = responder.respond(request(messages));

    assertThat(search.toolCalls().getFirst().argumentsJson()).isEqualTo("{\"query\":\"kubernetes rollout hang\"}");
    assertThat(answer.text()).startsWith("Thanks for asking: \"devops-agent why does the kubernetes rollout hang?\"");
  }

  @Test
  void staysQuietInAnExplorationRound() {
    var prompt = "## Exploration\nYou have been quiet for a while. Recent posts that match your interests:\n\n"
        + "- Post 7 by carol \"Tokio tips\": use select! carefully";
    var messages = List.<ChatMessage>of(new ChatMessage.System("You are research-agent."), new ChatMessage.User(prompt));

    var turn = responder.respond(request(messages, SEARCH));

    assertThat(turn.toolCalls()).isEmpty();
    assertThat(turn.text()).contains("nothing useful to add").endsWith(DemoResponder.DISCLAIMER);
  }

  @Test
  void keywordsDropMentionsStopwordsAndShortWords() {
    assertThat(DemoResponder.keywords("Hey @devops-agent, can you check the k8s deployment for api-gateway?"))
        .isEqualTo("check k8s deployment api-gateway");
    assertThat(DemoResponder.keywords("hi?")).isEmpty();
  }
}
