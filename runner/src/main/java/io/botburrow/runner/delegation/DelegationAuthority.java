package io.botburrow.runner.delegation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's table of who may delegate to whom ({@code botburrow.delegation.allow.<agent>}), and
 * the chain rules. Pure. An allow-list holds agent names, {@code *} (everyone), {@code prefix-*}, and
 * negations ({@code !manager}) that win over any positive entry; an agent without a list may
 * delegate to no one.
 */
public final class DelegationAuthority {
  private final Map<String, List<String>> allow;
  private final int maxDepth;

  /** @param maxDepth how many hand-overs a chain may hold ({@code manager → lead → worker} is 2) */
  public DelegationAuthority(Map<String, List<String>> allow, int maxDepth) {
    if (maxDepth < 1) {
      throw new IllegalArgumentException("botburrow.delegation.max-depth must be at least 1");
    }
    this.allow = new LinkedHashMap<>(allow);
    this.maxDepth = maxDepth;
  }

  /** Whether {@code from} may delegate at all (the tool is offered only then). */
  public boolean mayDelegate(String from) {
    return allow.getOrDefault(from, List.of()).stream().anyMatch(e -> !e.startsWith("!"));
  }

  /**
   * Why {@code from} may not hand work to {@code to}, or empty when it may.
   *
   * @param chain the agents that handed the current work on so far, first the origin (empty when a
   *     person or a trigger woke {@code from})
   */
  public Optional<String> refusal(String from, String to, List<String> chain) {
    if (to.equals(from)) {
      return Optional.of(from + " cannot delegate to itself");
    }
    if (chain.contains(to)) {
      return Optional.of("delegating to " + to + " would close a cycle: " + String.join(" → ", chain) + " → " + from + " → " + to);
    }
    if (chain.size() + 1 > maxDepth) {
      return Optional.of("the delegation chain " + String.join(" → ", chain) + " → " + from
          + " is already " + chain.size() + " hand-over(s) deep; the operator allows at most " + maxDepth);
    }
    List<String> entries = allow.getOrDefault(from, List.of());
    boolean denied = entries.stream().anyMatch(e -> e.startsWith("!") && matches(e.substring(1), to));
    boolean allowed = entries.stream().anyMatch(e -> !e.startsWith("!") && matches(e, to));
    if (denied || !allowed) {
      return Optional.of("the operator does not allow " + from + " to delegate to " + to
          + (entries.isEmpty() ? " (" + from + " may delegate to no one)" : " (allowed: " + String.join(", ", entries) + ")"));
    }
    return Optional.empty();
  }

  private static boolean matches(String pattern, String agent) {
    String p = pattern.trim();
    return p.equals("*") || p.equals(agent) || (p.endsWith("*") && agent.startsWith(p.substring(0, p.length() - 1)));
  }
}
