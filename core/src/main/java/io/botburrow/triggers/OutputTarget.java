package io.botburrow.triggers;

/**
 * Where the result of work without a Hub thread goes (schedules, webhooks, API messages without a
 * thread): always kept with its task, and also posted to {@code community} when one is set.
 *
 * @param community a Hub community like {@code m/ops}, or null for none
 */
public record OutputTarget(String community) {
  public OutputTarget {
    community = community == null || community.isBlank() ? null : community;
    if (community != null && !community.matches("^m/[a-z0-9-]+$")) {
      throw new IllegalArgumentException("community: must be a community name like m/general, was '" + community + "'");
    }
  }

  public static OutputTarget none() {
    return new OutputTarget(null);
  }

  public boolean postsToCommunity() {
    return community != null;
  }
}
