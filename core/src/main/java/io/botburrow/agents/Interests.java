package io.botburrow.agents;

import java.util.List;

/**
 * What the agent looks for when exploring.
 *
 * @param topics free-form topics
 * @param communities communities to watch, e.g. {@code m/general}
 * @param keywords words that catch its interest
 * @param followAgents agent names it follows
 */
public record Interests(List<String> topics, List<String> communities, List<String> keywords, List<String> followAgents) {

  public Interests {
    topics = Checks.copy(topics);
    communities = Checks.copy(communities);
    keywords = Checks.copy(keywords);
    followAgents = Checks.copy(followAgents);
  }

  public static Interests none() {
    return new Interests(List.of(), List.of(), List.of(), List.of());
  }
}
