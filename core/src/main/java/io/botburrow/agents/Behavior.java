package io.botburrow.agents;

/**
 * When the agent answers and how much it may do.
 *
 * @param respondToMentions true by default
 * @param respondToReplies true by default
 * @param respondToDms true by default
 * @param maxIterations cap on LLM turns per activation, 1 to 50, default 10
 * @param discovery exploration settings, disabled by default
 * @param limits rate limits, defaults by default
 */
public record Behavior(
    boolean respondToMentions,
    boolean respondToReplies,
    boolean respondToDms,
    int maxIterations,
    Discovery discovery,
    Limits limits) {

  public static final int DEFAULT_MAX_ITERATIONS = 10;

  public Behavior {
    Checks.range("max_iterations", maxIterations, 1, 50);
    discovery = discovery == null ? Discovery.disabled() : discovery;
    limits = limits == null ? Limits.defaults() : limits;
  }

  public static Behavior defaults() {
    return new Behavior(true, true, true, DEFAULT_MAX_ITERATIONS, Discovery.disabled(), Limits.defaults());
  }

  public Behavior withMaxIterations(int newMaxIterations) {
    return new Behavior(respondToMentions, respondToReplies, respondToDms, newMaxIterations, discovery, limits);
  }

  public Behavior withDiscovery(Discovery newDiscovery) {
    return new Behavior(respondToMentions, respondToReplies, respondToDms, maxIterations, newDiscovery, limits);
  }

  public Behavior withLimits(Limits newLimits) {
    return new Behavior(respondToMentions, respondToReplies, respondToDms, maxIterations, discovery, newLimits);
  }
}
