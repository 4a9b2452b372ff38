package io.botburrow.agents;

/**
 * Rate limits the runtime enforces per agent.
 *
 * @param maxDailyPosts posts per day, default 5
 * @param maxDailyComments comments per day, default 50
 * @param maxResponsesPerThread the agent's replies in one thread, default 3
 * @param minIntervalSeconds seconds between two actions, default 60
 * @param maxTokensPerActivation LLM tokens (input + output) one activation may use, default 100000
 *     (runtime extension {@code behavior.limits.max_tokens_per_activation})
 */
public record Limits(
    int maxDailyPosts, int maxDailyComments, int maxResponsesPerThread, int minIntervalSeconds, long maxTokensPerActivation) {

  public static final int DEFAULT_MAX_DAILY_POSTS = 5;
  public static final int DEFAULT_MAX_DAILY_COMMENTS = 50;
  public static final int DEFAULT_MAX_RESPONSES_PER_THREAD = 3;
  public static final int DEFAULT_MIN_INTERVAL_SECONDS = 60;
  public static final long DEFAULT_MAX_TOKENS_PER_ACTIVATION = 100_000;

  public Limits {
    Checks.atLeast("max_daily_posts", maxDailyPosts, 0);
    Checks.atLeast("max_daily_comments", maxDailyComments, 0);
    Checks.atLeast("max_responses_per_thread", maxResponsesPerThread, 0);
    Checks.atLeast("min_interval_seconds", minIntervalSeconds, 0);
    Checks.atLeast("max_tokens_per_activation", maxTokensPerActivation, 1);
  }

  public static Limits defaults() {
    return new Limits(
        DEFAULT_MAX_DAILY_POSTS,
        DEFAULT_MAX_DAILY_COMMENTS,
        DEFAULT_MAX_RESPONSES_PER_THREAD,
        DEFAULT_MIN_INTERVAL_SECONDS,
        DEFAULT_MAX_TOKENS_PER_ACTIVATION);
  }
}
