package io.botburrow.channels;

/**
 * A message the platform holds.
 *
 * @param id the platform's id of it (Slack {@code ts}, Discord message id, Hub comment id)
 * @param earlier true when it was found already there rather than sent now
 */
public record SentMessage(String id, boolean earlier) {}
