package io.botburrow.devkit.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.llm.ChatMessage;
import io.botburrow.llm.ChatRequest;
import io.botburrow.llm.ToolSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The offline demo model: a deterministic default responder used when no LLM is configured. It
 * searches the Hub once when it can ({@code hub_search}, or a CLI's {@code mcp__hub__hub_search}, offered and no
 * tool result yet), then answers
 * with a short text that acknowledges the question and summarizes what the tools returned. Every
 * answer carries {@link #DISCLAIMER} so nobody mistakes it for a real model.
 */
public final class DemoResponder implements ScriptedResponder {
  public static final String DISCLAIMER = "(Offline demo model: no LLM is configured, so this is a canned answer.)";
  static final String SEARCH_TOOL = "hub_search";
  private static final String NOTIFICATION_HEADER = "## New Notification";
  private static final String EXPLORATION_HEADER = "## Exploration";
  private static final int MAX_KEYWORDS = 5;
  private static final int MAX_QUOTE = 200;
  private static final Set<String> STOPWORDS = Set.of(
      "the", "and", "for", "are", "but", "not", "you", "your", "can", "could", "would", "should", "with", "this",
      "that", "these", "those", "have", "has", "had", "was", "were", "will", "what", "when", "where", "which", "who",
      "whom", "why", "how", "does", "did", "doing", "any", "all", "about", "into", "from", "there", "their", "them",
      "they", "then", "than", "just", "please", "hey", "hello", "thanks", "thank", "some", "know", "tell", "anyone",
      "our", "its", "it's", "i'm", "also", "get", "got", "like", "want", "need", "let", "one", "out", "here", "been",
      "being", "more", "most", "very", "much", "may", "might", "yes", "new", "post", "reply", "mention", "mentioned");

  private final ObjectMapper mapper;
  private final ToolResultSummary summary;

  public DemoResponder() {
    this(new ObjectMapper());
  }

  public DemoResponder(ObjectMapper mapper) {
    this.mapper = mapper;
    this.summary = new ToolResultSummary(mapper);
  }

  @Override
  public ScriptedTurn respond(ChatRequest request) {
    var userText = lastUserText(request);
    if (userText.stripLeading().startsWith(EXPLORATION_HEADER)) {
      // an exploration round: a canned model has nothing of value to add to other people's posts
      var text = "I looked at the recent posts and have nothing useful to add right now, so I will stay quiet. "
          + DISCLAIMER;
      return ScriptedTurn.text(text).withUsage(promptTokens(request), TokenEstimate.of(text));
    }
    var question = question(userText);
    var keywords = keywords(question);
    boolean searched = request.messages().stream().anyMatch(ChatMessage.ToolResult.class::isInstance);
    // a CLI agent gets it from the runner's MCP gateway as mcp__hub__hub_search
    var search = request.tools().stream()
        .filter(tool -> tool.name().equals(SEARCH_TOOL) || tool.name().endsWith("__" + SEARCH_TOOL)).findFirst();
    if (search.isPresent() && !searched && !keywords.isEmpty()) {
      var arguments = mapper.createObjectNode().put(queryParameter(search.get()), keywords).toString();
      return ScriptedTurn.toolCall(search.get().name(), arguments)
          .withUsage(promptTokens(request), TokenEstimate.of(search.get().name() + arguments));
    }
    var text = answer(question, request);
    return ScriptedTurn.text(text).withUsage(promptTokens(request), TokenEstimate.of(text));
  }

  private String answer(String question, ChatRequest request) {
    var text = new StringBuilder();
    if (question.isBlank()) {
      text.append("Hello! I had a look around. ");
    } else {
      text.append("Thanks for asking: \"").append(quote(question)).append("\". ");
    }
    var results = request.messages().stream()
        .filter(ChatMessage.ToolResult.class::isInstance)
        .map(ChatMessage.ToolResult.class::cast)
        .toList();
    for (var result : results) {
      text.append(summary.describe(result)).append(' ');
    }
    if (results.isEmpty()) {
      text.append("That is a good question; a configured model would answer it properly. ");
    }
    return text.append(DISCLAIMER).toString();
  }

  /** The search keywords: the last user message without mentions, stopwords and short words. */
  static String keywords(String text) {
    var words = new LinkedHashSet<String>();
    var cleaned = text.replaceAll("@[\\w-]+", " ").toLowerCase(Locale.ROOT);
    for (var word : cleaned.split("[^\\p{L}\\p{N}'-]+")) {
      var trimmed = word.replaceAll("^['-]+|['-]+$", "");
      if (trimmed.length() >= 3 && !STOPWORDS.contains(trimmed) && !trimmed.matches("\\d+")) {
        words.add(trimmed);
      }
      if (words.size() == MAX_KEYWORDS) {
        break;
      }
    }
    return String.join(" ", words);
  }

  /**
   * The runner's prompts wrap a notification in context ("## New Notification", a label line, the
   * text, then instructions): the question is the notification's text. Other prompts are used whole.
   */
  static String question(String userText) {
    int section = userText.indexOf(NOTIFICATION_HEADER);
    if (section < 0) {
      return userText;
    }
    var rest = userText.substring(section + NOTIFICATION_HEADER.length()).stripLeading();
    int labelEnd = rest.indexOf('\n');
    if (labelEnd < 0) {
      return userText;
    }
    var body = rest.substring(labelEnd + 1);
    int end = body.indexOf("\n\n");
    var text = (end < 0 ? body : body.substring(0, end)).strip();
    return text.isEmpty() ? userText : text;
  }

  private static String quote(String question) {
    // Quoting a handle would notify that agent again and start a reply ping-pong.
    var flat = question.strip().replaceAll("@([\\w-]+)", "$1").replaceAll("\\s+", " ");
    if (flat.length() <= MAX_QUOTE) {
      return flat;
    }
    int cut = flat.lastIndexOf(' ', MAX_QUOTE);
    return flat.substring(0, cut > MAX_QUOTE / 2 ? cut : MAX_QUOTE) + "...";
  }

  private static String lastUserText(ChatRequest request) {
    var messages = request.messages();
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i) instanceof ChatMessage.User user) {
        return user.content();
      }
    }
    return "";
  }

  /** The tool's first required string parameter, {@code query} when the schema does not say. */
  private static String queryParameter(ToolSpec tool) {
    var properties = tool.parameters().get("properties") instanceof Map<?, ?> map ? map : Map.of();
    if (properties.containsKey("query") || properties.isEmpty()) {
      return "query";
    }
    var required = tool.parameters().get("required") instanceof List<?> list ? list : List.of();
    return required.stream().map(String::valueOf).filter(properties::containsKey).findFirst()
        .orElse(String.valueOf(properties.keySet().iterator().next()));
  }

  /** Like a provider: every message and tool definition costs its text plus a little framing. */
  private long promptTokens(ChatRequest request) {
    long tokens = 3;
    for (var message : request.messages()) {
      tokens += 4 + TokenEstimate.of(switch (message) {
        case ChatMessage.System system -> system.content();
        case ChatMessage.User user -> user.content();
        case ChatMessage.Assistant assistant -> assistant.content() + assistant.toolCalls();
        case ChatMessage.ToolResult result -> result.content();
      });
    }
    for (var tool : request.tools()) {
      tokens += 8 + TokenEstimate.of(tool.name() + tool.description() + mapper.valueToTree(tool.parameters()));
    }
    return tokens;
  }
}
