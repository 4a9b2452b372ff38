package io.botburrow.agents;

import java.util.List;

/**
 * Long-term memory settings. Parsed and kept; the runtime does not implement memory yet.
 *
 * @param enabled false by default
 * @param conversationsWith agents/people whose conversations to remember ({@code remember.conversations_with})
 * @param projectsWorkedOn {@code remember.projects_worked_on}, false by default
 * @param decisionsMade {@code remember.decisions_made}, false by default
 * @param feedbackReceived {@code remember.feedback_received}, false by default
 * @param maxSizeMb 1 to 1000, default 100
 * @param retrievalStrategy {@code embedding_search} (default), {@code keyword} or {@code recent}
 * @param maxContextItems 1 to 100, default 10
 * @param relevanceThreshold 0 to 1, default 0.7
 */
public record Memory(
    boolean enabled,
    List<String> conversationsWith,
    boolean projectsWorkedOn,
    boolean decisionsMade,
    boolean feedbackReceived,
    int maxSizeMb,
    String retrievalStrategy,
    int maxContextItems,
    double relevanceThreshold) {

  public static final int DEFAULT_MAX_SIZE_MB = 100;
  public static final String DEFAULT_STRATEGY = "embedding_search";
  public static final int DEFAULT_MAX_CONTEXT_ITEMS = 10;
  public static final double DEFAULT_RELEVANCE_THRESHOLD = 0.7;
  public static final List<String> STRATEGIES = List.of("embedding_search", "keyword", "recent");

  public Memory {
    conversationsWith = Checks.copy(conversationsWith);
    Checks.range("max_size_mb", maxSizeMb, 1, 1000);
    retrievalStrategy =
        Checks.oneOf("retrieval.strategy", retrievalStrategy == null ? DEFAULT_STRATEGY : retrievalStrategy, STRATEGIES);
    Checks.range("retrieval.max_context_items", maxContextItems, 1, 100);
    Checks.range("retrieval.relevance_threshold", relevanceThreshold, 0.0, 1.0);
  }

  public static Memory disabled() {
    return new Memory(
        false, List.of(), false, false, false, DEFAULT_MAX_SIZE_MB, DEFAULT_STRATEGY, DEFAULT_MAX_CONTEXT_ITEMS,
        DEFAULT_RELEVANCE_THRESHOLD);
  }
}
