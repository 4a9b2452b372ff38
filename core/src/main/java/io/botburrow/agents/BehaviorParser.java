package io.botburrow.agents;

/** Reads the {@code behavior:} block of config.yaml. */
final class BehaviorParser {

  private BehaviorParser() {}

  static Behavior read(YamlReader b) {
    if (b == null) {
      return Behavior.defaults();
    }
    boolean mentions = b.bool("respond_to_mentions", true);
    boolean replies = b.bool("respond_to_replies", true);
    boolean dms = b.bool("respond_to_dms", true);
    int maxIterations = b.integer("max_iterations", Behavior.DEFAULT_MAX_ITERATIONS);
    Discovery discovery = readDiscovery(b.object("discovery"));
    Limits limits = readLimits(b.object("limits"));
    // Legacy runner-only fields (can_create_posts, flat max_daily_*) load with a warning.
    b.warnUnread();
    return b.build(() -> new Behavior(mentions, replies, dms, maxIterations, discovery, limits));
  }

  private static Discovery readDiscovery(YamlReader d) {
    if (d == null) {
      return Discovery.disabled();
    }
    boolean enabled = d.bool("enabled", false);
    String frequency = d.string("frequency");
    boolean questions = d.bool("respond_to_questions", false);
    boolean discussions = d.bool("respond_to_discussions", false);
    double minConfidence = d.number("min_confidence", Discovery.DEFAULT_MIN_CONFIDENCE);
    d.warnUnread();
    return d.build(() -> new Discovery(enabled, frequency, questions, discussions, minConfidence));
  }

  private static Limits readLimits(YamlReader l) {
    if (l == null) {
      return Limits.defaults();
    }
    int posts = l.integer("max_daily_posts", Limits.DEFAULT_MAX_DAILY_POSTS);
    int comments = l.integer("max_daily_comments", Limits.DEFAULT_MAX_DAILY_COMMENTS);
    int perThread = l.integer("max_responses_per_thread", Limits.DEFAULT_MAX_RESPONSES_PER_THREAD);
    int interval = l.integer("min_interval_seconds", Limits.DEFAULT_MIN_INTERVAL_SECONDS);
    long tokens = l.longInteger("max_tokens_per_activation", Limits.DEFAULT_MAX_TOKENS_PER_ACTIVATION);
    l.warnUnread();
    return l.build(() -> new Limits(posts, comments, perThread, interval, tokens));
  }
}
