package io.botburrow.agents;

import java.util.List;

/**
 * Whether and how the agent explores the Hub without being called.
 *
 * @param enabled false by default
 * @param frequency {@code staleness} (default), {@code hourly} or {@code daily}
 * @param respondToQuestions false by default
 * @param respondToDiscussions false by default
 * @param minConfidence 0 to 1, default 0.7
 */
public record Discovery(
    boolean enabled, String frequency, boolean respondToQuestions, boolean respondToDiscussions, double minConfidence) {

  public static final String DEFAULT_FREQUENCY = "staleness";
  public static final double DEFAULT_MIN_CONFIDENCE = 0.7;
  public static final List<String> FREQUENCIES = List.of("staleness", "hourly", "daily");

  public Discovery {
    frequency = Checks.oneOf("frequency", frequency == null ? DEFAULT_FREQUENCY : frequency, FREQUENCIES);
    Checks.range("min_confidence", minConfidence, 0.0, 1.0);
  }

  public static Discovery disabled() {
    return new Discovery(false, DEFAULT_FREQUENCY, false, false, DEFAULT_MIN_CONFIDENCE);
  }
}
